import stringWidth from 'string-width';

/** A piece of text the wrapper never splits, and whether a line may break before it. */
export interface WrapUnit {
  readonly text: string;
  /** A space separated it from the previous unit (kept when they share a line, dropped at a break). */
  readonly spaceBefore: boolean;
  /** A line may end before this unit. */
  readonly breakBefore: boolean;
}

/** ICU's word segmentation: dictionary-based for Japanese, which has no spaces between words. */
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/**
 * Characters a Japanese line must not start with (closing brackets and punctuation, small kana, the
 * long-vowel mark), and ones it must not end with (opening brackets): the common core of kinsoku shori.
 */
const NO_LINE_START =
  /^[、。，．・：；？！）」』】〕〉》｝”’ー…ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.:;?!)\]}]/u;
const NO_LINE_END = /[（「『【〔〈《｛“‘([{]$/u;

/**
 * Splits a paragraph into units a line may break between: at spaces, as in English, and between wide
 * (East Asian) characters' words, since Japanese has no spaces. Latin words, numbers and markers such as
 * `[1]` or `F-35` are never split; neither is a word longer than a line (a URL).
 */
export function wrapUnits(paragraph: string): WrapUnit[] {
  const units: WrapUnit[] = [];
  let sawSpace = false;
  for (const { segment } of segmenter.segment(paragraph)) {
    if (/^\s+$/u.test(segment)) {
      sawSpace = units.length > 0;
      continue;
    }
    const previous = units.at(-1);
    if (previous === undefined) {
      units.push({ text: segment, spaceBefore: false, breakBefore: false });
    } else if (sawSpace) {
      units.push({ text: segment, spaceBefore: true, breakBefore: true });
    } else if (isWideBoundary(previous.text, segment)) {
      units.push({ text: segment, spaceBefore: false, breakBefore: true });
    } else {
      // Glued to the previous unit ("F" "-" "35", "[" "1" "]"): one unit, never split.
      units[units.length - 1] = { ...previous, text: previous.text + segment };
    }
    sawSpace = false;
  }
  return units;
}

function isWideBoundary(before: string, after: string): boolean {
  if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) return false;
  const last = [...before].at(-1) ?? '';
  const first = [...after][0] ?? '';
  return stringWidth(last) === 2 || stringWidth(first) === 2;
}
