import { parseSectionHeadingLine } from '../src/core/knowledge/section-heading.js';
import type { KnowledgeBase } from '../src/core/types.js';
import { parseKnowledgeFiles, type KnowledgeFile } from './knowledge-files.js';
import { capitalizeFirst, hasVariablePart, varySentence, type SheetSetting } from './sentence-variation.js';
import { createSeededRandom, type SeededRandom } from './seeded-random.js';
import {
  ADVERSARIES,
  EXTRA_HEADINGS,
  MONTHS,
  PARTNERS,
  presidentIn,
  SYNTHETIC_YEARS,
  TITLE_TOPICS,
} from './synthetic-vocabulary.js';

export interface SyntheticKnowledgeOptions {
  /** Passages in the result, the real ones included; at least as many as the real files hold. */
  readonly passages: number;
  /** @default 20190525 */
  readonly seed?: number;
  /**
   * Passages per synthetic sheet, so 100,000 passages come as ~1,000 sheets.
   * @default 100
   */
  readonly passagesPerDocument?: number;
}

/** A knowledge base grown from the real fact sheets: the real files unchanged, plus synthetic sheets. */
export interface SyntheticKnowledge {
  /** Every file, real ones first (they sort before `synthetic-…`), ready to write to a knowledge folder. */
  readonly files: readonly KnowledgeFile[];
  /** What `loadKnowledge` reads from a folder holding `files`. */
  readonly knowledge: KnowledgeBase;
  /** How many passages came from the real files. */
  readonly realPassages: number;
}

export const DEFAULT_SYNTHETIC_SEED = 20190525;
const DEFAULT_PASSAGES_PER_DOCUMENT = 100;
/** Draws before a passage gives up on being new and takes a numbered suffix (never reached in practice). */
const MAX_DRAWS = 40;
/** Shortest sentence opening and ending (in characters) that clause recombination uses. */
const MIN_HEAD_CHARS = 30;
const MIN_TAIL_CHARS = 50;

/**
 * Generates a larger knowledge base, deterministically, from the real fact sheets' own sentences: each new passage
 * is one or two real sentences (or the first clause of one joined to the last clause of another), rewritten into
 * its sheet's setting (another partner, year and president; numbers, places and companies drawn afresh). Sheets
 * have the real structure: an opening quotation, then sections that open with a summary followed by bullets.
 * Every passage text is distinct from every other, real ones included. The synthetic files go through the real
 * parser, so the passages are exactly what `loadKnowledge` would produce from them.
 * @throws RangeError when fewer passages are asked for than the real files already hold.
 */
export function generateSyntheticKnowledge(
  realFiles: readonly KnowledgeFile[],
  options: SyntheticKnowledgeOptions,
): SyntheticKnowledge {
  const real = parseKnowledgeFiles(realFiles);
  const wanted = Math.floor(options.passages);
  if (!(wanted >= real.passages.length)) {
    throw new RangeError(
      `cannot make ${options.passages} passages: the real fact sheets alone hold ${real.passages.length}`,
    );
  }
  const random = createSeededRandom(options.seed ?? DEFAULT_SYNTHETIC_SEED);
  const pools = sentencePools(real);
  const used = new Set(real.passages.map((passage) => passage.text));
  const synthetic = documentSizes(
    wanted - real.passages.length,
    options.passagesPerDocument ?? DEFAULT_PASSAGES_PER_DOCUMENT,
  ).map((size, index) =>
    syntheticSheet(index, size, pools, used, random, options.seed ?? DEFAULT_SYNTHETIC_SEED),
  );
  const files = [...realFiles, ...synthetic];
  const knowledge = synthetic.length === 0 ? real : parseKnowledgeFiles(files);
  if (knowledge.passages.length !== wanted) {
    throw new Error(
      `synthetic knowledge holds ${knowledge.passages.length} passages, ${wanted} were generated`,
    );
  }
  return { files, knowledge, realPassages: real.passages.length };
}

interface SentencePools {
  readonly sentences: readonly string[];
  readonly summaries: readonly string[];
  readonly quotations: readonly string[];
  readonly headings: readonly string[];
  /** Sentence openings up to a comma, and endings after one, for recombining. */
  readonly heads: readonly string[];
  readonly tails: readonly string[];
}

// Only sentences with something to replace: the rest would reappear verbatim, a real fact in a synthetic sheet.
function sentencePools(real: KnowledgeBase): SentencePools {
  const sentences = real.passages
    .filter((passage) => passage.kind !== 'opening-quote')
    .flatMap((passage) => splitIntoSentences(passage.text));
  const heads: string[] = [];
  const tails: string[] = [];
  for (const sentence of sentences) {
    // Cut where both halves read as clauses: a fragment like "South Asia, and Sub-Saharan Africa." is not one.
    const comma = sentence.indexOf(', ', MIN_HEAD_CHARS);
    if (comma === -1 || comma > sentence.length - MIN_TAIL_CHARS) continue;
    const head = sentence.slice(0, comma);
    const tail = sentence.slice(comma + 2);
    if (hasVariablePart(head)) heads.push(head);
    if (hasVariablePart(tail)) tails.push(tail);
  }
  const realHeadings = [
    ...new Set(real.passages.map((passage) => passage.section).filter((section) => section !== '')),
  ];
  return {
    sentences: sentences.filter(hasVariablePart),
    summaries: real.passages
      .filter((passage) => passage.kind === 'section-summary' && hasVariablePart(passage.text))
      .map((passage) => passage.text),
    quotations: real.quotations.map((quotation) => quotation.text).filter(hasVariablePart),
    headings: [...realHeadings, ...EXTRA_HEADINGS],
    heads,
    tails,
  };
}

function splitIntoSentences(text: string): string[] {
  return (
    text
      // Not after an initial ("Donald J. Trump", "U.S. Trade"): those full stops end no sentence.
      .split(/(?<=[.!?]["”]?)(?<!\b[A-Z]\.)\s+(?=["“]?[A-Z])/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.length > 0)
  );
}

/** Splits `total` passages over sheets of about `perDocument` each (sizes differ by at most one). */
function documentSizes(total: number, perDocument: number): number[] {
  if (total === 0) return [];
  const count = Math.max(1, Math.round(total / Math.max(1, perDocument)));
  const base = Math.floor(total / count);
  const extra = total % count;
  return Array.from({ length: count }, (_, index) => base + (index < extra ? 1 : 0));
}

function syntheticSheet(
  index: number,
  passageCount: number,
  pools: SentencePools,
  used: Set<string>,
  random: SeededRandom,
  seed: number,
): KnowledgeFile {
  const year = random.pick(SYNTHETIC_YEARS);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const setting: SheetSetting = {
    partner: random.pick(PARTNERS),
    adversary: random.pick(ADVERSARIES),
    president: presidentIn(year),
    year,
  };
  const { partner, president } = setting;
  const partnerName = capitalize(partner.name);
  const id = `synthetic-${String(index + 1).padStart(5, '0')}-us-${slug(partner.name)}-${year}`;
  const fresh = (make: () => string, isUsable: (text: string) => boolean = () => true): string => {
    for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
      const text = make();
      if (!used.has(text) && isUsable(text)) {
        used.add(text);
        return text;
      }
    }
    const text = `${make()} (${id}, item ${used.size})`;
    used.add(text);
    return text;
  };

  const speaker = random.chance(0.7)
    ? `President ${president.givenNames} ${president.surname}`
    : `${partner.leaderTitle} ${partner.leaderGivenNames} ${partner.leaderSurname}`;
  const body = [
    fresh(() => `"${capitalizeFirst(vary(random.pick(pools.quotations), setting, random))}" – ${speaker}`),
  ];
  let remaining = passageCount - 1;
  while (remaining > 0) {
    const sectionSize = Math.min(remaining, random.int(6, 16));
    const heading = varySentence(random.pick(pools.headings), setting, random).toUpperCase();
    const summary = fresh(() => capitalizeFirst(vary(random.pick(pools.summaries), setting, random)));
    const headingLine = `${heading}: ${summary}`;
    if (parseSectionHeadingLine(headingLine)?.heading !== heading)
      throw new Error(`not a section heading line: ${headingLine}`);
    body.push('', headingLine);
    for (let bullet = 1; bullet < sectionSize; bullet += 1) {
      // A bullet that happened to read as "CAPITALS: …" would open a section instead.
      body.push(
        fresh(
          () => syntheticBullet(pools, setting, random),
          (text) => parseSectionHeadingLine(text) === undefined,
        ),
      );
    }
    remaining -= sectionSize;
  }

  const frontMatter = [
    '---',
    `id: ${id}`,
    `title: ${JSON.stringify(`The United States and ${partnerName}: ${random.pick(TITLE_TOPICS)}`)}`,
    'publisher: The White House',
    `date: "${year}-${pad2(month)}-${pad2(day)}"`,
    `display_date: ${JSON.stringify(`${MONTHS[month - 1]} ${day}, ${year}`)}`,
    `source: ${JSON.stringify(`Synthetic benchmark sheet (seed ${seed}) recombined from the real fact sheets' sentences.`)}`,
    '---',
  ];
  return { name: `${id}.md`, bytes: new TextEncoder().encode(`${[...frontMatter, ...body].join('\n')}\n`) };
}

function syntheticBullet(pools: SentencePools, setting: SheetSetting, random: SeededRandom): string {
  const shape = random.next();
  const sentence = () => capitalizeFirst(vary(random.pick(pools.sentences), setting, random));
  if (shape < 0.5) return sentence();
  if (shape < 0.8) return `${sentence()} ${sentence()}`;
  return capitalizeFirst(
    `${vary(random.pick(pools.heads), setting, random)}, ${vary(random.pick(pools.tails), setting, random)}`,
  );
}

/** {@link varySentence}, drawn again in the rare case a number was redrawn as itself and nothing changed. */
function vary(text: string, setting: SheetSetting, random: SeededRandom): string {
  let varied = varySentence(text, setting, random);
  for (let draw = 1; varied === text && draw < MAX_DRAWS; draw += 1)
    varied = varySentence(text, setting, random);
  return varied;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
