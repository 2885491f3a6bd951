import type { Weekday } from './schema.ts';

/** A wall-clock reading of one instant in one time zone. */
export interface LocalTime {
  /** Local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** Local weekday. */
  day: Weekday;
  /** Minutes since local midnight, 0 to 1439 (seconds are dropped). */
  minutes: number;
}

// Both caches are keyed by the zone string as the user typed it. Building an
// Intl.DateTimeFormat costs far more than formatting with one, and schedules are
// evaluated on every call, so each zone pays that cost once. The validity cache
// is bounded because its keys can be arbitrary text typed into the designer.
const VALIDITY_CACHE_LIMIT = 500;
const validity = new Map<string, boolean>();
const formatters = new Map<string, Intl.DateTimeFormat>();

// Newer engines accept UTC offsets such as `+03:00` as a timeZone; older ones
// refuse them. They are not IANA names and do not follow DST, so they are refused
// everywhere to keep the answer the same on every engine.
const OFFSET_ZONE = /^[+-]/;

/**
 * Whether `tz` is an IANA time zone name this engine knows (`America/Sao_Paulo`,
 * `UTC`, the legacy `US/Eastern` alias...). Refuses `''`, unknown names and raw
 * UTC offsets. Results are cached.
 */
export function isValidTimeZone(tz: string): boolean {
  const cached = validity.get(tz);
  if (cached !== undefined) return cached;
  let valid = tz !== '' && !OFFSET_ZONE.test(tz);
  if (valid) {
    try {
      // Intl is the only portable way to ask the engine's tz database; it throws a
      // RangeError for names it does not know.
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      valid = false;
    }
  }
  if (validity.size >= VALIDITY_CACHE_LIMIT) validity.clear();
  validity.set(tz, valid);
  return valid;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    if (!isValidTimeZone(timeZone)) {
      throw new RangeError(`Unknown time zone "${timeZone}": expected an IANA name`);
    }
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23 so midnight reads 00; hour12:false alone gave 24 on some engines.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// en-US short weekday names are fixed by CLDR, so this table is stable.
const WEEKDAY_BY_SHORT_NAME: Readonly<Record<string, Weekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/**
 * The wall-clock date, weekday and minute of `instantMs` (ms since the Unix epoch)
 * in `timeZone`. Going from the instant to wall time (never the other way round)
 * is what makes DST gaps and repeated hours come out right.
 *
 * @throws RangeError when `timeZone` is not a valid IANA name or `instantMs` is not
 *   a valid time. Dates are meant for years 1000 to 9999.
 */
export function localTimeAt(instantMs: number, timeZone: string): LocalTime {
  const parts = formatterFor(timeZone).formatToParts(instantMs);
  let year = '';
  let month = '';
  let dayOfMonth = '';
  let weekday = '';
  let hour = 0;
  let minute = 0;
  for (const part of parts) {
    switch (part.type) {
      case 'year':
        year = part.value;
        break;
      case 'month':
        month = part.value;
        break;
      case 'day':
        dayOfMonth = part.value;
        break;
      case 'weekday':
        weekday = part.value;
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      default:
        break;
    }
  }
  const day = WEEKDAY_BY_SHORT_NAME[weekday];
  if (day === undefined) {
    throw new RangeError(`Unexpected weekday "${weekday}" from Intl for ${timeZone}`);
  }
  // Some engines still print midnight as 24 despite h23; the date they print with
  // it is already the new day, so only the hour needs fixing.
  if (hour === 24) hour = 0;
  return {
    date: `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`,
    day,
    minutes: hour * 60 + minute,
  };
}

const CLOCK_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/**
 * Minutes since midnight of a clock time `HH:MM` (`00:00` to `23:59`, or `24:00`,
 * which gives 1440 and only makes sense as the end of a range).
 *
 * @throws RangeError when `time` is not in that form.
 */
export function parseClockTime(time: string): number {
  const match = CLOCK_TIME.exec(time);
  if (match === null) throw new RangeError(`Expected a time as HH:MM, got "${time}"`);
  const [, hours, minutes] = match;
  // The 24:00 alternative has no capture groups.
  if (hours === undefined || minutes === undefined) return 24 * 60;
  return Number(hours) * 60 + Number(minutes);
}
