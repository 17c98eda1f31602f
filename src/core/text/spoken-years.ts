import { numberWordValue } from './number-words.js';

/**
 * Rewrites years as people say or clip them into digits: "twenty sixteen", "nineteen ninety-nine" →
 * "2016", "1999"; "'16", "’19" → "2016", "2019" (00–49 in this century, 50–99 in the last). The sheets
 * write years in digits ("2016 Election", "total 2016 FDI"), and "twenty sixteen" would otherwise read
 * as the numbers 20 and 16, which they never give. Runs before the number words are read. Decades ("'90s")
 * and other numbers are left alone.
 */
export function spokenYears(text: string): string {
  return text
    .replace(YEAR_IN_WORDS, (_match: string, century: string, tens: string, unit: string | undefined) => {
      const year =
        (CENTURIES[century.toLowerCase()] ?? 0) +
        (numberWordValue(tens.toLowerCase()) ?? 0) +
        (unit === undefined ? 0 : (numberWordValue(unit.toLowerCase()) ?? 0));
      return String(year);
    })
    .replace(CLIPPED_YEAR, (_match: string, digits: string) => {
      const value = Number(digits);
      return String(value < 50 ? 2000 + value : 1900 + value);
    });
}

const CENTURIES: Readonly<Record<string, number>> = { nineteen: 1900, twenty: 2000 };
/** "twenty sixteen", "nineteen ninety-nine", "twenty-nineteen"; a unit only after a tens word. */
const YEAR_IN_WORDS =
  /(?<![\p{L}-])(nineteen|twenty)[\s-]+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine)(?![\p{L}]))?(?![\p{L}-])/giu;
/** "'16", "’19": an apostrophe and two digits, not a decade ("'90s"). */
const CLIPPED_YEAR = /(?<![\p{L}\p{N}])['’](\d{2})(?![\p{L}\p{N}])/gu;
