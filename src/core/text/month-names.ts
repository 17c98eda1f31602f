/**
 * English month names and their common short forms ("sept", "jan"), as a regular-expression alternation
 * to embed in larger patterns (case-insensitive flags are the caller's). Shared so that every reading of
 * a date ("the may 2019 sheet", "in sept 17") knows the same months.
 */
export const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';

/** The months' names as the sheets write them, January first. */
export const MONTHS_IN_FULL: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The month (1–12) a name or short form in {@link MONTH_NAMES} stands for ("sept" → 9), or undefined. */
export function monthNumber(name: string): number | undefined {
  const short = name.toLowerCase().slice(0, 3);
  const index = MONTHS_IN_FULL.findIndex((month) => month.toLowerCase().startsWith(short));
  return short.length < 3 || index < 0 ? undefined : index + 1;
}
