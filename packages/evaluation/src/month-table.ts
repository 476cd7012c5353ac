import type { MonthReport } from './month-report.ts';

/** The report as a few aligned tables for people (the script prints it without --json). */
export function formatMonthTable(report: MonthReport): string {
  const { waste, energy, extra } = report;
  const n = (x: number, digits = 0) =>
    x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  ');
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  };
  const yes = (v: boolean | null) => (v === null ? 'n/a' : v ? 'yes' : 'NO');
  const t = extra.targets;
  const village = extra.village;
  return [
    `Simulated month: seed ${report.seed}, ${report.days} days from ${extra.startDate}; ` +
      `${n(village.households)} households, ${n(village.bins)} bins, ${village.vehicles} vehicles, transformer limit ${n(village.transformerLimitKw)} kW`,
    '',
    'Waste',
    table(
      ['policy', 'km', 'truck h', 'bins collected', 'overflow bin-h', 'm³ hauled', 'km per m³'],
      (['optimized', 'fixedSchedule', 'thresholdNow'] as const).map((name) => {
        const m3 = (extra.waste?.[name].litresCollected ?? 0) / 1000;
        return [
          name,
          n(waste[name].km, 1),
          n(waste[name].truckHours, 1),
          n(waste[name].binsCollected),
          n(waste[name].overflowBinHours),
          n(m3, 1),
          m3 > 0 ? n(waste[name].km / m3, 2) : 'n/a',
        ];
      }),
    ),
    '',
    `Energy (plan horizon from ${extra.energy?.horizonStart ?? '?'}; VND excl. VAT)`,
    table(
      ['policy', 'cost VND', 'movable loads VND', 'peak kW', 'violations'],
      (['optimized', 'unmanaged'] as const).map((name) => [
        name,
        n(energy[name].costVnd),
        n(extra.energy?.[name].movableLoadsCostVnd ?? 0),
        n(energy[name].peakKw, 1),
        n(energy[name].transformerViolations),
      ]),
    ),
    '',
    'Targets',
    table(
      ['target', 'measured', 'met'],
      [
        [
          'km ≥ 30 % below the fixed schedule',
          `${t.kmBelowFixedSchedulePercent ?? 'n/a'} %`,
          yes(t.wasteKmTargetMet),
        ],
        [
          'overflow bin-hours ≤ fixed schedule',
          `${waste.optimized.overflowBinHours} vs ${waste.fixedSchedule.overflowBinHours}`,
          yes(t.overflowNoWorseThanFixedSchedule),
        ],
        [
          'zero transformer violations',
          String(energy.optimized.transformerViolations),
          yes(t.zeroTransformerViolations),
        ],
        [
          'village cost below unmanaged',
          `${n(energy.optimized.costVnd)} vs ${n(energy.unmanaged.costVnd)}`,
          yes(t.cheaperThanUnmanaged),
        ],
        [
          'movable loads ≥ 10 % cheaper',
          `${t.movableCostBelowUnmanagedPercent ?? 'n/a'} %`,
          yes(t.movableCostTargetMet),
        ],
      ],
    ),
    '',
    `Run time: waste ${n(extra.elapsedMs.waste / 1000, 1)} s, energy ${n(extra.elapsedMs.energy / 1000, 1)} s`,
  ].join('\n');
}
