import { type TariffBook, tariffBookSchema } from '@village/domain';
import evn from '../../data/tariffs/evn.json' with { type: 'json' };

/**
 * EVN's tariffs as data (data/tariffs/evn.json), validated once at load. Imported as JSON so the
 * Lambda bundle carries the file; an operator's update ships with the next deploy, and plans follow.
 */
export const tariffBook: TariffBook = tariffBookSchema.parse(evn);
