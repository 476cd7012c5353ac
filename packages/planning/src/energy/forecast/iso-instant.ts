/**
 * `Date.parse` of a reading's timestamp, without its cost for the form telemetry carries:
 * `YYYY-MM-DDTHH:MM:SS`, optionally `.sss`, then `Z` or `±HH:MM` — what `toISOString` and
 * `toZonedIso` write. Such a string is read digit by digit and turned into epoch milliseconds with
 * whole-number arithmetic, which is exactly what `Date.parse` gives for it. Anything else (another
 * form, a field out of range such as 24:00 or 30 February) goes to `Date.parse` itself, so the
 * result is the same for every input. A forecast reads millions of them per plan.
 */
export function parseInstantMs(ts: string): number {
  if (typeof ts !== 'string') return Date.parse(ts);
  const length = ts.length;
  if (
    length < 20 ||
    ts.charCodeAt(4) !== 45 || // -
    ts.charCodeAt(7) !== 45 ||
    ts.charCodeAt(10) !== 84 || // T
    ts.charCodeAt(13) !== 58 || // :
    ts.charCodeAt(16) !== 58
  ) {
    return Date.parse(ts);
  }
  const year = digits(ts, 0, 4);
  const month = digits(ts, 5, 2);
  const day = digits(ts, 8, 2);
  const hour = digits(ts, 11, 2);
  const minute = digits(ts, 14, 2);
  const second = digits(ts, 17, 2);
  let zone = 19;
  let millisecond = 0;
  if (ts.charCodeAt(19) === 46) {
    // .sss
    millisecond = digits(ts, 20, 3);
    zone = 23;
  }
  let offsetMinutes = 0;
  const sign = ts.charCodeAt(zone);
  if (sign === 90) {
    // Z
    if (length !== zone + 1) return Date.parse(ts);
  } else if ((sign === 43 || sign === 45) && length === zone + 6 && ts.charCodeAt(zone + 3) === 58) {
    const offsetHours = digits(ts, zone + 1, 2);
    const offsetMins = digits(ts, zone + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return Date.parse(ts);
    offsetMinutes = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMins);
  } else {
    return Date.parse(ts);
  }
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millisecond < 0
  ) {
    return Date.parse(ts);
  }
  return (
    daysFromCivil(year, month, day) * 86_400_000 +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millisecond
  );
}

/** The number written by `count` decimal digits from `at`; -1 if any is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
