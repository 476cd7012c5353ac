/**
 * Reference objectives for the village routing benchmark. There are no published best-known costs for
 * generated village days, so the reference is OUR OWN best: the lowest checked objective found by much
 * longer runs of this solver (`seconds` per run, each solver seed in `seeds`). A 10 s gap to it says how
 * far 10 s gets from what the solver reaches with more time — not how far it is from the optimum.
 *
 * Regenerate (the bench prints this table) whenever the generator or the solver changes materially:
 *   npx tsx scripts/bench/village-routing.ts --reference-seconds 60 --reference-seeds 1,2,3 --parallel 2
 * Each entry carries a fingerprint of its day (must bins / bins / expected litres); the bench refuses
 * to compare against an entry whose day has changed.
 */
export interface VillageReference {
  objectiveVnd: number;
  fingerprint: string;
}

/**
 * Measured with the command above, twice on 2026-11-29 (this solver, and an earlier version of the
 * same day without the relocate-trip operator), on the 2-core machine while other work shared it
 * (load average 3–7): each 60 s run got well under one core. Each entry is the best of those 6 runs.
 */
export const REFERENCE_RUNS = {
  seconds: 60,
  seeds: [1, 2, 3],
  runsPerDay: 6,
  measured: '2026-11-29',
};

export const VILLAGE_REFERENCES: Readonly<Record<string, VillageReference>> = {
  'village-250-s1': { objectiveVnd: 1322767, fingerprint: '43/250/33442' },
  'village-250-s2': { objectiveVnd: 1337929, fingerprint: '49/250/32830' },
  'village-250-s3': { objectiveVnd: 2319928, fingerprint: '77/250/35418' },
  'village-400-s1': { objectiveVnd: 2568188, fingerprint: '106/400/56404' },
  'village-400-s2': { objectiveVnd: 2527001, fingerprint: '95/400/53842' },
  'village-400-s3': { objectiveVnd: 2446947, fingerprint: '79/400/50761' },
  'village-600-s1': { objectiveVnd: 3489129, fingerprint: '142/600/81595' },
  'village-600-s2': { objectiveVnd: 3517635, fingerprint: '140/600/83054' },
  'village-600-s3': { objectiveVnd: 3548997, fingerprint: '147/600/84548' },
};
