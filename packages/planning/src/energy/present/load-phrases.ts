import type { FlexibleLoadKind } from '@village/domain';
import type { LoadRun } from './load-runs.ts';

/** Both languages the households read: Vietnamese first, English beside it. */
export interface Sentence {
  vi: string;
  en: string;
}

/** The imperative that starts each load's instruction. */
const ACTION: Record<FlexibleLoadKind, Sentence> = {
  'irrigation-pump': { vi: 'Chạy máy bơm', en: 'Run the pump' },
  'e-motorbike-charger': { vi: 'Sạc xe máy điện', en: 'Charge the e-motorbike' },
  'ev-charger': { vi: 'Sạc ô tô điện', en: 'Charge the electric car' },
  'water-heater': { vi: 'Bật bình nóng lạnh', en: 'Run the water heater' },
  'rice-husk-dryer': { vi: 'Chạy máy sấy lúa', en: 'Run the rice dryer' },
};

function action(kind: FlexibleLoadKind | undefined, loadId: string): Sentence {
  return kind ? ACTION[kind] : { vi: `Chạy thiết bị ${loadId}`, en: `Run ${loadId}` };
}

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * "Chạy máy bơm 11:00–13:00" / "Run the pump 11:00–13:00"; several runs are listed ("… 11:00–12:00
 * và 14:00–15:00"). A run entirely on the next day says so, since "02:00" alone reads as today.
 */
export function runSentence(
  kind: FlexibleLoadKind | undefined,
  loadId: string,
  runs: readonly LoadRun[],
): Sentence {
  const verb = action(kind, loadId);
  if (runs.length === 0) {
    return { vi: `${verb.vi}: không cần chạy`, en: `${verb.en}: not needed` };
  }
  const nextDay = (run: LoadRun, vi: boolean) =>
    run.fromDayOffset > 0 ? (vi ? ' (hôm sau)' : ' (next day)') : '';
  const times = (vi: boolean) => runs.map((run) => `${run.from}–${run.to}${nextDay(run, vi)}`);
  return { vi: `${verb.vi} ${list(times(true), 'và')}`, en: `${verb.en} ${list(times(false), 'and')}` };
}

/** Whole đồng with Vietnamese (1.234.567) or English (1,234,567) grouping. */
export function formatVnd(vnd: number, language: 'vi' | 'en'): string {
  const sign = vnd < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(vnd)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
  return language === 'vi' ? `${sign}${grouped} đ` : `${sign}${grouped} VND`;
}

export function costSentence(expectedCostVnd: number, savingsVnd: number): Sentence {
  const cost = {
    vi: `Tiền điện dự kiến ${formatVnd(expectedCostVnd, 'vi')}`,
    en: `Expected cost ${formatVnd(expectedCostVnd, 'en')}`,
  };
  if (Math.round(savingsVnd) <= 0) {
    return { vi: `${cost.vi}.`, en: `${cost.en}.` };
  }
  return {
    vi: `${cost.vi}, tiết kiệm ${formatVnd(savingsVnd, 'vi')} so với dùng tùy ý.`,
    en: `${cost.en}, ${formatVnd(savingsVnd, 'en')} less than running at will.`,
  };
}
