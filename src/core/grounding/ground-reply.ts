import { splitSentences } from '../answer/split-sentences.js';
import { isJapanese, japaneseNegationCues, japaneseQuotedSpans } from './japanese-claims.js';
import type { RetrievedPassage } from '../retrieval/retrieved-passage.js';
import { defaultWordVectorTable } from '../embeddings/word-vector-table.js';
import { checkCitationMarkers } from '../models/citation-markers.js';
import { isConnective, isLimitation } from './connectives.js';
import { DEFAULT_GROUNDING_OPTIONS, type GroundingOptions } from './grounding-options.js';
import { capitalisedTokens, indexNames, nameTokens, unsupportedNames } from './names.js';
import { negationCues } from './negation.js';
import { droppedQualifiers } from './rankings.js';
import { describeNumberKey, numberKeys } from './numbers.js';
import { isVerbatimIn, quotedSpans } from './quotations.js';
import { splitReply, type Claim } from './split-claims.js';
import { assessSupport, isSupported, prepareSupportSource, type SupportWordTable } from './word-support.js';

/** Why a sentence was dropped, as a stable code (for logs and tests) — `reason` says it in words. */
export type DropCode =
  'uncited' | 'unknown-passage' | 'quotation' | 'number' | 'name' | 'negation' | 'ranking' | 'unsupported';

export interface DroppedSentence {
  /** The sentence or clause as the model wrote it. */
  readonly sentence: string;
  readonly code: DropCode;
  /** e.g. `the number 2020 is not in cited passage [1]`; may add `; passage [2] supports it`. */
  readonly reason: string;
}

export interface KeptSentence {
  /** The sentence or clause as it appears in `text`. */
  readonly sentence: string;
  /**
   * `claim`: states something, checked against the passages it cites. `connective`: states nothing ("In
   * short:"). `limitation`: says what the sheets do not say. Only claims answer a question.
   */
  readonly kind: 'claim' | 'connective' | 'limitation';
  /** Passage numbers cited (1-based). */
  readonly markers: readonly number[];
  /** IDF-weighted share of content words the cited passages support (claims only). */
  readonly share?: number;
}

export interface GroundingResult {
  /** The kept sentences joined by spaces, markers intact (`[n]`, only numbers of given passages). */
  readonly text: string;
  readonly kept: readonly KeptSentence[];
  readonly dropped: readonly DroppedSentence[];
  /** True when at least one claim survived: the text still answers something. */
  readonly answers: boolean;
}

export interface GroundReplyOptions extends Partial<GroundingOptions> {
  /** @default the shipped word-vector table (`defaultWordVectorTable()`) */
  readonly table?: SupportWordTable;
  /**
   * Reads a Japanese sentence into the sheets' English (glossary terms, numbers, names), so a model may
   * answer a Japanese question in Japanese and still be checked. Without it, a Japanese claim cannot be
   * checked and is dropped.
   */
  readonly readJapanese?: (text: string) => string;
}

type Verdict =
  { ok: true; share: number; kind: 'claim' | 'connective' } | { ok: false; code: DropCode; reason: string };

/**
 * Checks every sentence (and clause) of a model's reply against the passages it cites and keeps only the
 * supported ones. A claim is kept when all of these hold:
 *
 * 1. it cites at least one of the given passages (marker n is `passages[n - 1]`);
 * 2. every quotation in it is verbatim in a cited passage;
 * 3. every number in it (canonical: "850k" = "850,000", "four" = "4") is in a cited passage or its
 *    document's date;
 * 4. every name and acronym in it is used by a cited passage, its section or its document's title;
 * 5. it adds no negation ("not", "never", "dissolved"…) that the cited passages do not have;
 * 6. it keeps the qualifier of every ranking it repeats ("third largest", "one of the largest");
 * 7. the cited passages support at least `supportThreshold` of its IDF-weighted content words.
 *
 * Sentences without a marker are kept only when they claim nothing (connectives) or say what the sheets
 * do not cover. Pure function apart from the shared word table; nothing is logged here.
 */
export function groundReply(
  reply: string,
  passages: readonly RetrievedPassage[],
  options: GroundReplyOptions = {},
): GroundingResult {
  const settings: GroundingOptions = { ...DEFAULT_GROUNDING_OPTIONS, ...options };
  const table = options.table ?? defaultWordVectorTable();
  const knownNames = capitalisedTokens(passages.map((item) => item.passage.text));
  const isKnownName = (token: string) =>
    knownNames.has(token) || (table.rank(token) ?? Number.POSITIVE_INFINITY) > settings.nameRank;
  const check = (claim: Claim, markers: readonly number[]): Verdict =>
    isJapanese(claim.body)
      ? checkJapaneseClaim(claim.body, markers, passages, options.readJapanese, (body) =>
          checkClaim(body, markers, passages, table, settings, isKnownName),
        )
      : checkClaim(claim.body, markers, passages, table, settings, isKnownName);

  const kept: KeptSentence[] = [];
  const dropped: DroppedSentence[] = [];
  const pieces: string[] = [];

  for (const sentence of splitReply(reply)) {
    const keptHere: KeptSentence[] = [];
    for (const claim of sentence.claims) {
      const valid = claim.markers.filter((n) => n >= 1 && n <= passages.length);
      if (claim.markers.length === 0) {
        if (isLimitation(claim.body))
          keptHere.push({ sentence: claim.text, kind: 'limitation', markers: [] });
        else if (isConnective(claim.body))
          keptHere.push({ sentence: claim.text, kind: 'connective', markers: [] });
        else dropped.push({ sentence: claim.text, code: 'uncited', reason: 'it cites no passage' });
        continue;
      }
      if (valid.length === 0) {
        dropped.push({
          sentence: claim.text,
          code: 'unknown-passage',
          reason: `it cites ${formatMarkers(claim.markers)}, but only ${passages.length} passage(s) were given`,
        });
        continue;
      }
      if (isLimitation(claim.body)) {
        keptHere.push({ sentence: claim.text, kind: 'limitation', markers: valid });
        continue;
      }
      const verdict = check(claim, valid);
      if (verdict.ok) {
        keptHere.push({ sentence: claim.text, kind: verdict.kind, markers: valid, share: verdict.share });
      } else {
        const elsewhere = passages
          .map((_, index) => index + 1)
          .filter((n) => !valid.includes(n))
          .find((n) => check(claim, [n]).ok);
        const hint = elsewhere === undefined ? '' : `; passage [${elsewhere}] supports it`;
        dropped.push({ sentence: claim.text, code: verdict.code, reason: `${verdict.reason}${hint}` });
      }
    }

    if (keptHere.length === sentence.claims.length) {
      // Every clause holds: keep the sentence as written, minus markers that point at nothing.
      const text = checkCitationMarkers(sentence.text, passages.length).text;
      pieces.push(text);
      kept.push(...(keptHere.length === 1 ? [{ ...keptHere[0]!, sentence: text }] : keptHere));
    } else {
      // Some clause failed: each surviving clause becomes a sentence of its own, with its citations.
      for (const clause of keptHere) {
        const text =
          `${capitalise(bodyWithoutEnd(clause.sentence))} ${formatMarkers(clause.markers)}.`.replace(
            ' .',
            '.',
          );
        pieces.push(text);
        kept.push({ ...clause, sentence: text });
      }
    }
  }

  return {
    text: pieces.join(' ').trim(),
    kept,
    dropped,
    answers: kept.some((sentence) => sentence.kind === 'claim'),
  };
}

/**
 * A Japanese claim: quotations in 「」 must be verbatim in a cited passage, a negation the passages do not
 * have drops it, and the rest is checked as the English it reads as.
 */
function checkJapaneseClaim(
  body: string,
  markers: readonly number[],
  passages: readonly RetrievedPassage[],
  readJapanese: ((text: string) => string) | undefined,
  checkEnglish: (body: string) => Verdict,
): Verdict {
  const citedList = `${markers.length === 1 ? 'passage' : 'passages'} ${formatMarkers(markers)}`;
  if (readJapanese === undefined)
    return {
      ok: false,
      code: 'unsupported',
      reason: 'it is in Japanese and no glossary was given to read it',
    };
  const texts = markers.map((n) => passages[n - 1]?.passage.text ?? '');
  for (const span of japaneseQuotedSpans(body)) {
    if (!isVerbatimIn(span, texts))
      return { ok: false, code: 'quotation', reason: `the quotation 「${span}」 is not in ${citedList}` };
  }
  const cues = japaneseNegationCues(body);
  if (cues.length > 0 && texts.every((text) => negationCues(text).length === 0))
    return {
      ok: false,
      code: 'negation',
      reason: `it adds ${cues.join(', ')}, which ${citedList} does not say`,
    };
  const english = readJapanese(body.replace(/[「『][^」』]*[」』]/gu, ' '));
  if (english.trim() === '') return { ok: true, share: 1, kind: 'connective' };
  return checkEnglish(english);
}

function checkClaim(
  body: string,
  markers: readonly number[],
  passages: readonly RetrievedPassage[],
  table: SupportWordTable,
  settings: GroundingOptions,
  isKnownName: (token: string) => boolean,
): Verdict {
  const cited = markers.map((n) => passages[n - 1]).filter(isDefined);
  const citedList = `${markers.length === 1 ? 'passage' : 'passages'} ${formatMarkers(markers)}`;
  const texts = cited.map((item) => item.passage.text);
  // A citation shows the passage's section, and its document's title and date. Their words may support a
  // paraphrase ("working together" under a title about cooperation); their names and numbers only a
  // sentence that speaks of the document ("the May 25, 2019 fact sheet…"), so the sheet's date cannot vouch
  // for a changed year ("in November 2018" where the passage says 2017 and the sheet is from 2018).
  const titles = cited.map((item) => item.document.title);
  // A whole sentence of the cited passage, word for word, needs no further check (and its "[the]
  // Japan-U.S." is no name). A fragment does: "largest source" cut from "third largest source" misleads.
  const flat = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.!?"”]+$/, '');
  const whole = flat(body);
  if (
    whole.length > 0 &&
    texts.some((text) => [text, ...splitSentences(text)].some((s) => flat(s) === whole))
  ) {
    return { ok: true, share: 1, kind: 'claim' };
  }
  const context = [
    ...cited.map((item) => item.passage.section),
    ...(ABOUT_THE_DOCUMENT.test(body)
      ? [...titles, ...cited.flatMap((item) => [item.document.publisher, item.document.displayDate])]
      : []),
  ];

  for (const span of quotedSpans(body)) {
    if (!isVerbatimIn(span, texts)) {
      return {
        ok: false,
        code: 'quotation',
        reason: `the quotation "${span}" is not verbatim in ${citedList}`,
      };
    }
  }

  const available = new Set([...texts, ...context].flatMap((text) => [...numberKeys(text)]));
  const missingNumbers = [...numberKeys(body)].filter((key) => !available.has(key));
  if (missingNumbers.length > 0) {
    return {
      ok: false,
      code: 'number',
      reason: `the number ${missingNumbers.map(describeNumberKey).join(', ')} is not in ${citedList}`,
    };
  }

  const missingNames = unsupportedNames(body, indexNames([...texts, ...context]), { isKnownName });
  if (missingNames.length > 0) {
    return { ok: false, code: 'name', reason: `${missingNames.join(', ')} is not named in ${citedList}` };
  }

  const added = negationCues(body);
  if (added.length > 0 && texts.every((text) => negationCues(text).length === 0)) {
    return { ok: false, code: 'negation', reason: `"${added[0]}" negates what ${citedList} states` };
  }

  const unqualified = droppedQualifiers(body, texts)[0];
  if (unqualified !== undefined) {
    return {
      ok: false,
      code: 'ranking',
      reason: `"${unqualified.superlative}" drops "${unqualified.qualifier}", which ${citedList} gives it`,
    };
  }

  const names = nameTokens(body);
  const source = prepareSupportSource([...texts, ...context, ...titles], table);
  const support = assessSupport(body, source, table, settings, names);
  const opposite = support.words.find((word) => word.kind === 'opposite');
  if (opposite !== undefined) {
    return {
      ok: false,
      code: 'negation',
      reason: `"${opposite.token}" contradicts "${opposite.via ?? ''}" in ${citedList}`,
    };
  }
  if (support.share < settings.supportThreshold) {
    const unsupported = support.words.filter((word) => !isSupported(word)).map((word) => word.token);
    return {
      ok: false,
      code: 'unsupported',
      reason: `${citedList} supports only ${Math.round(support.share * 100)}% of it (not: ${unsupported.join(', ')})`,
    };
  }
  const kind =
    support.words.length === 0 && numberKeys(body).size === 0 && names.size === 0 ? 'connective' : 'claim';
  return { ok: true, share: Math.round(support.share * 1000) / 1000, kind };
}

/** Words by which a sentence speaks of the fact sheet itself rather than of the world. */
const ABOUT_THE_DOCUMENT =
  /\b(?:fact\s+)?sheets?\b|\b(?:published|issued|dated|released)\b|\bWhite\s+House\b/iu;

function formatMarkers(markers: readonly number[]): string {
  return markers.map((n) => `[${n}]`).join('');
}

function bodyWithoutEnd(text: string): string {
  return text
    .replace(/\[\d+\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:and|but|while)\s+/i, '')
    .replace(/[\s.,;:!?]+$/u, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
