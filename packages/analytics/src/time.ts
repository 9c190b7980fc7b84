/*
 * Calendar arithmetic on epoch milliseconds, without `Date` objects: the engine derives a month
 * and a week for every finalized decision, and `Date` allocations and `toISOString` calls are
 * measurable at millions of events. Algorithms: Howard Hinnant, "chrono-compatible low-level
 * date algorithms" (days_from_civil / civil_from_days), proleptic Gregorian, UTC.
 */

const MS_PER_DAY = 86_400_000;

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(text: string, at: number): number {
  return text.charCodeAt(at) - 48;
}

/**
 * Epoch milliseconds of an RFC 3339 UTC timestamp in the contract's exact shape
 * (`2025-03-01T10:00:00.123Z`, already checked by the schema). Out-of-range fields roll over
 * (`02-30` is 2 March), as `Date.UTC` would.
 *
 * @example
 * parseTimestamp('1970-01-01T00:00:01.500Z'); // 1500
 */
export function parseTimestamp(ts: string): number {
  const year = digit(ts, 0) * 1000 + digit(ts, 1) * 100 + digit(ts, 2) * 10 + digit(ts, 3);
  const month = digit(ts, 5) * 10 + digit(ts, 6);
  const day = digit(ts, 8) * 10 + digit(ts, 9);
  const hour = digit(ts, 11) * 10 + digit(ts, 12);
  const minute = digit(ts, 14) * 10 + digit(ts, 15);
  const second = digit(ts, 17) * 10 + digit(ts, 18);
  const ms = digit(ts, 20) * 100 + digit(ts, 21) * 10 + digit(ts, 22);
  // Months beyond 12 roll into the next year, like Date.UTC.
  const extraYears = Math.floor((month - 1) / 12);
  const days = daysFromCivil(year + extraYears, month - extraYears * 12, 1) + day - 1;
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `YYYY-MM` of an epoch-ms instant in UTC. */
export function monthKey(ms: number): string {
  const { year, month } = civilFromDays(Math.floor(ms / MS_PER_DAY));
  return `${year}-${pad2(month)}`;
}

/** The epoch day of the Monday that starts the ISO week containing `ms` (UTC). */
export function weekStartDay(ms: number): number {
  const day = Math.floor(ms / MS_PER_DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 when Monday is 0.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return day - weekday;
}

/** `YYYY-MM-DD` of an epoch day. */
export function dayString(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The first instant of a `YYYY-MM` month, as epoch ms. */
export function monthStart(key: string): number {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  return daysFromCivil(year, month, 1) * MS_PER_DAY;
}

export { MS_PER_DAY };
