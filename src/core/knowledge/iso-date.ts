const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTH_NAMES =
  'January February March April May June July August September October November December'.split(' ');

/** A calendar date known to the year, month or day. */
export interface PartialIsoDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible months and days; undefined if not one. */
export function parsePartialIsoDate(text: string): PartialIsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return undefined;
  return { year, month, day };
}

/**
 * The date as people write it in a citation: "May 25, 2019", "April 2018", "2018";
 * approximate dates say so: "2018 (approximate)".
 */
export function formatDisplayDate(date: PartialIsoDate, approximate: boolean): string {
  const monthName = date.month === undefined ? undefined : MONTH_NAMES[date.month - 1];
  let text = String(date.year);
  if (monthName !== undefined)
    text = date.day === undefined ? `${monthName} ${date.year}` : `${monthName} ${date.day}, ${date.year}`;
  return approximate ? `${text} (approximate)` : text;
}
