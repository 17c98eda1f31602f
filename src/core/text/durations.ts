import { SMALL_NUMBER_WORDS } from './canonical-numbers.js';

/**
 * Rewrites a duration in months that is a whole number of years into years, after
 * `canonicaliseNumbers` ("12 months" → "one year", "24-month" → "two-year"): the sheets count time
 * in years ("in just one year"), people in either ("within twelve months"), and a 12 the sheets never
 * use would otherwise read as a number they don't give. Other durations are left alone ("18 months").
 */
export function monthsAsYears(text: string): string {
  if (!/month/i.test(text)) return text;
  return text.replace(WHOLE_MONTHS, (match: string, digits: string, joiner: string, plural: string) => {
    const months = Number(digits);
    if (months === 0 || months % 12 !== 0) return match;
    const years = months / 12;
    const count = SMALL_NUMBER_WORDS[years] ?? String(years);
    // "24-month plan" keeps its adjective form; "24 months" becomes "two years".
    const unit = joiner === '-' ? 'year' : years === 1 || plural === '' ? 'year' : 'years';
    return `${count}${joiner}${unit}`;
  });
}

/** A whole number of months in digits, as canonicaliseNumbers leaves it: "12 months", "24-month". */
const WHOLE_MONTHS = /(?<![\p{L}\p{N}.,])(\d{2,3})(\s+|-)month(s?)(?![\p{L}])/giu;
