import type { FieldChange, SettingValue } from './planning-ports.ts';

/** Leaves of a JSON-like value by dotted path; arrays by index. Empty objects have no leaves. */
function leaves(value: unknown, path: string, out: Map<string, SettingValue>): Map<string, SettingValue> {
  if (value === undefined) return out;
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, out);
    return out;
  }
  out.set(path, value as SettingValue);
  return out;
}

/** Field-level changes from `before` to `after`, sorted by field; an absent side is `null`. */
export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const from = leaves(before, '', new Map());
  const to = leaves(after, '', new Map());
  const fields = [...new Set([...from.keys(), ...to.keys()])].sort();
  return fields.flatMap((field) => {
    const a = from.get(field) ?? null;
    const b = to.get(field) ?? null;
    return a === b ? [] : [{ field, from: a, to: b }];
  });
}
