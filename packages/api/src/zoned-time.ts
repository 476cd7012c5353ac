import { toZonedIso, VILLAGE_TIME_ZONE } from '@village/domain';

/** The API answers in village time: `+07:00`, whatever offset a device or client used. */
export const API_TIME_ZONE = VILLAGE_TIME_ZONE;

export const zonedFromMs = (epochMs: number): string => toZonedIso(epochMs, API_TIME_ZONE);

/** Re-renders a stored ISO timestamp (which keeps the device's own offset) in village time. */
export const zonedFromIso = (iso: string): string => zonedFromMs(Date.parse(iso));
