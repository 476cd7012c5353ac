/**
 * Counter-based randomness: a value is a pure function of (seed, keys), not of how many draws came
 * before. The device models use it for per-hour and per-slot noise so that the same simulated
 * instant gives the same value whether the simulator advanced in 5-minute or 1-day steps.
 */

function mix(hash: number, value: number): number {
  let h = Math.imul(hash ^ (value | 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Uniform in [0, 1) from a seed and integer keys. */
export function unitNoise(seed: number, a: number, b = 0, c = 0): number {
  let h = mix(seed ^ 0x9e3779b9, a);
  h = mix(h, b + 0x27d4eb2f);
  h = mix(h, c + 0x165667b1);
  return h / 4294967296;
}

/** Approximately standard-normal (sum of four uniforms, variance-corrected): bounded at ±3.46, cheap. */
export function normalNoise(seed: number, a: number, b = 0, c = 0): number {
  const sum =
    unitNoise(seed, a, b, c) +
    unitNoise(seed ^ 0x51ed270b, a, b, c) +
    unitNoise(seed ^ 0x2545f491, a, b, c) +
    unitNoise(seed ^ 0x68e31da4, a, b, c);
  return (sum - 2) * Math.sqrt(3);
}

/** Stable 32-bit key for a string id (FNV-1a), so per-device noise does not depend on array order. */
export function stringKey(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
