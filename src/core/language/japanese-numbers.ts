import ja2num from 'japanese-numerals-to-number';
import { ORDINAL_WORDS, SMALL_NUMBER_WORDS } from '../text/canonical-numbers.js';
import { MONTHS_IN_FULL } from '../text/month-names.js';

/** A number written in a Japanese question, with the English words that stand for it in the sheets. */
export interface JapaneseNumber {
  /** The number and its unit as typed (after NFKC), e.g. "16億ドル". */
  readonly text: string;
  /** Offset of {@link text} in the NFKC text it was found in. */
  readonly start: number;
  readonly value: number;
  /** The unit or counter after it, e.g. "ドル", "人", "回", "月"; "" when none. */
  readonly unit: string;
  /** How the fact sheets would write it: ["$1.6 billion"], ["850,000"], ["4", "four", "rounds"], ["November"]. */
  readonly english: readonly string[];
}

const KANJI_DIGITS = '〇一二三四五六七八九';
const SMALL_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
/** Units and counters that make a lone kanji numeral a number (一 alone is too often part of a word: 一緒, 同一). */
const UNITS = [
  '米ドル',
  'ドル',
  '円',
  '人',
  '回',
  '年',
  '月',
  '日',
  '機',
  '社',
  '件',
  'カ国',
  'か国',
  'ヶ国',
  '番目',
  '位',
  '%',
  'パーセント',
  '倍',
];
const NUMBER_RUN = /(第)?((?:[0-9][0-9,]*(?:\.[0-9]+)?|[〇一二三四五六七八九十百千万億兆])+)/gu;
/** Number words as the sheets write them (zero to twelve), and ordinals, shared with the English reader. */
const WORDS = [...SMALL_NUMBER_WORDS, 'ten', 'eleven', 'twelve'];
const ORDINALS = ORDINAL_WORDS;

/**
 * English words the number conversion can produce (month names, small numbers, ordinals, "rounds"), so
 * that glossary coverage counts them as reachable from Japanese.
 */
export const ENGLISH_NUMBER_WORDS: readonly string[] = [
  ...MONTHS_IN_FULL,
  ...WORDS,
  ...ORDINALS.slice(1),
  'rounds',
];

/**
 * Finds the numbers of a Japanese question and writes them as the English fact sheets do:
 * 85万 → "850,000"; 4000人, 4千人 → "4,000"; 16億ドル → "$1.6 billion"; 4240億ドル → "$424 billion";
 * 三十 → "30"; 4回 → "4", "four", "rounds"; 11月 → "November"; 2017年 → "2017"; 3番目, 第3位 → "third".
 * Arabic digits (half- or full-width, after NFKC) may carry 十/百/千 and 万/億/兆 multipliers; kanji
 * numerals are read by `japanese-numerals-to-number`. A kanji numeral of one character counts only
 * before a unit or counter (so 一緒 and 千葉 are not numbers).
 * @param text NFKC-normalised text; offsets refer to it.
 */
export function findJapaneseNumbers(text: string): JapaneseNumber[] {
  const found: JapaneseNumber[] = [];
  for (const match of text.matchAll(NUMBER_RUN)) {
    const ordinalPrefix = match[1] ?? '';
    const run = match[2] ?? '';
    const start = match.index;
    const after = text.slice(start + match[0].length);
    const unit = UNITS.find((candidate) => after.startsWith(candidate)) ?? '';
    const hasDigit = /[0-9]/.test(run);
    if (!hasDigit && [...run].length === 1 && unit === '' && ordinalPrefix === '') continue;
    const value = hasDigit ? readArabicRun(run) : readKanjiRun(run);
    if (value === undefined) continue;
    const ordinal = ordinalPrefix !== '' || unit === '番目' || unit === '位';
    found.push({
      text: match[0] + unit,
      start,
      value,
      unit,
      english: englishFor(value, unit, ordinal),
    });
  }
  return found;
}

function englishFor(value: number, unit: string, ordinal: boolean): string[] {
  if (ordinal) return [ORDINALS[value] ?? `${value}th`];
  if (unit === '月' && Number.isInteger(value) && value >= 1 && value <= 12)
    return [MONTHS_IN_FULL[value - 1] ?? ''];
  if (unit === '年' && value >= 1000) return [String(value)];
  if (unit === 'ドル' || unit === '米ドル') return [`$${largeNumber(value)}`];
  const words = [largeNumber(value)];
  const word = Number.isInteger(value) ? WORDS[value] : undefined;
  if (word !== undefined) words.push(word);
  if (unit === '回') words.push('rounds');
  return words;
}

/** "1.6 billion", "424 billion", "3 million", "850,000", "30". */
function largeNumber(value: number): string {
  if (value >= 1e12) return `${trim(value / 1e12)} trillion`;
  if (value >= 1e9) return `${trim(value / 1e9)} billion`;
  if (value >= 1e6) return `${trim(value / 1e6)} million`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function trim(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** "85万" → 850000, "4千" → 4000, "1億5000万" → 150000000, "4,000" → 4000. */
function readArabicRun(run: string): number | undefined {
  let total = 0;
  let section = 0;
  let current: number | undefined;
  for (const token of run.replaceAll(',', '').match(/[0-9.]+|./gu) ?? []) {
    const small = SMALL_MULTIPLIERS[token];
    const large = LARGE_MULTIPLIERS[token];
    if (small !== undefined) {
      section += (current ?? 1) * small;
      current = undefined;
    } else if (large !== undefined) {
      total += (section + (current ?? (section === 0 ? 1 : 0))) * large;
      section = 0;
      current = undefined;
    } else if (KANJI_DIGITS.includes(token)) {
      current = (current ?? 0) * 10 + KANJI_DIGITS.indexOf(token);
    } else {
      const number = Number(token);
      if (!Number.isFinite(number)) return undefined;
      current = number;
    }
  }
  const value = total + section + (current ?? 0);
  return Number.isFinite(value) ? value : undefined;
}

function readKanjiRun(run: string): number | undefined {
  try {
    return ja2num(run);
  } catch {
    return undefined;
  }
}
