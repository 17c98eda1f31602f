import type { KnowledgeBase } from '../types.js';
import type { TermCoverage } from '../retrieval/term-coverage.js';
import type { CorpusVocabulary } from '../retrieval/corpus-vocabulary.js';
import { contentTerms } from '../text/content-terms.js';
import { stem } from '../text/stem.js';
import type { Reading } from './interpret.js';

/**
 * A word weighing at least this much (rarity in English, 0–1, see rarityWeight) names what a question is
 * about; commoner ones ("say", "new") are phrasing. The same bar as the judge's central words.
 */
const SUBJECT_WEIGHT = 0.25;

/** Two stems are forms of one word when they share this many first letters ("economi", "econom"). */
const SHARED_PREFIX = 6;

/**
 * Part of judging a question that names one sheet ("what did the 2019 sheet say about North Korea?"):
 * the subject words that sheet never uses although another sheet does. Then the honest reply is that
 * the sheet asked about doesn't mention them, with the other sheet's passage; answering from the named
 * sheet would offer an unrelated passage as if it were about them.
 *
 * Only the words that tell the sheets apart count (subject words another sheet uses), and only when the
 * named sheet uses none of them; empty when the question names no sheet or asks about all of them.
 * Words are compared by stem, and by a shared first part so that another form of a word ("economic"
 * for "economy") counts as used.
 *
 * @returns the subject words as typed, neighbouring ones joined into one phrase ("North Korea"), with
 *   their stems; nothing when there are none.
 */
export function wordsOnlyInOtherSheets(
  reading: Reading,
  coverage: readonly TermCoverage[],
  stemsOf: (documentIds: readonly string[]) => ReadonlySet<string>,
  weightOf: (term: TermCoverage['term']) => number,
  allDocumentIds: readonly string[],
): OnlyElsewhere {
  const none: OnlyElsewhere = { phrases: [], forms: [] };
  const targets = reading.documentIds;
  if (targets === undefined || reading.crossSheet) return none;
  const inTargets = stemsOf(targets);
  const others = allDocumentIds.filter((id) => !targets.includes(id));
  if (others.length === 0) return none;
  const inOthers = stemsOf(others);
  // The words that tell the sheets apart: used by another sheet, and a subject rather than phrasing.
  // A misspelling counts as the word it was read as ("freindship" → friendship).
  const telling = coverage.filter(
    (item) =>
      (item.kind === 'exact' || item.kind === 'typo') &&
      !item.term.numeric &&
      weightOf(item.term) >= SUBJECT_WEIGHT &&
      formsOf(item).some((form) => usesForm(inOthers, form)),
  );
  const absent = telling.filter((item) => !formsOf(item).some((form) => usesForm(inTargets, form)));
  // One telling word the named sheet does use means it speaks to the question.
  if (absent.length === 0 || absent.length < telling.length) return none;
  // Neighbouring words are one name: "north korea", not “north” or “korea”.
  const phrases: string[] = [];
  let previous = Number.NaN;
  for (const item of [...absent].sort((a, b) => a.term.wordIndex - b.term.wordIndex)) {
    const word = item.term.word;
    if (item.term.wordIndex === previous + 1 && phrases.length > 0) phrases[phrases.length - 1] += ` ${word}`;
    else phrases.push(word);
    previous = item.term.wordIndex;
  }
  return { phrases: [...new Set(phrases)], forms: absent.map(formsOf) };
}

/** What {@link wordsOnlyInOtherSheets} found: the words as typed, and each word's stems. */
export interface OnlyElsewhere {
  /** Neighbouring words joined into one phrase ("North Korea"). */
  readonly phrases: readonly string[];
  /** Per absent word, the stems that stand for it (its own, and the word a misspelling was read as). */
  readonly forms: readonly (readonly string[])[];
}

/**
 * Whether a passage uses every word the named sheet lacks: only then does the other sheet's passage
 * speak about what was asked, rather than share one word with it.
 */
export function usesEveryWord(passageText: string, found: OnlyElsewhere): boolean {
  const stems = new Set(contentTerms(passageText));
  return found.forms.every((forms) => forms.some((form) => usesForm(stems, form)));
}

function formsOf(item: TermCoverage): string[] {
  return item.via === undefined ? [item.term.stem] : [item.term.stem, stem(item.via)];
}

function usesForm(stems: ReadonlySet<string>, stem: string): boolean {
  if (stems.has(stem)) return true;
  if (stem.length < SHARED_PREFIX) return false;
  const prefix = stem.slice(0, SHARED_PREFIX);
  for (const used of stems) if (used.startsWith(prefix)) return true;
  return false;
}

const stemsByKnowledge = new WeakMap<CorpusVocabulary, Map<string, ReadonlySet<string>>>();

/**
 * The stems the given documents' passages use, from the vocabulary's inverted index; computed once per
 * knowledge version and set of documents (a question naming a sheet is common, the sheets are few).
 */
export function documentStems(
  vocabulary: CorpusVocabulary,
  knowledge: KnowledgeBase,
): (documentIds: readonly string[]) => ReadonlySet<string> {
  let cache = stemsByKnowledge.get(vocabulary);
  if (cache === undefined) {
    cache = new Map();
    stemsByKnowledge.set(vocabulary, cache);
  }
  const memo = cache;
  return (documentIds) => {
    const key = [...documentIds].sort().join('\u0000');
    const known = memo.get(key);
    if (known !== undefined) return known;
    const wanted = new Set(documentIds);
    const stems = new Set<string>();
    for (const [used, positions] of vocabulary.postings) {
      if (positions.some((position) => wanted.has(knowledge.passages[position]?.documentId ?? '')))
        stems.add(used);
    }
    // Section headings are the sheet's words too ("SHARED PROSPERITY"), though no passage's text.
    const headings = new Set(
      knowledge.passages
        .filter((passage) => wanted.has(passage.documentId))
        .map((passage) => passage.section),
    );
    for (const heading of headings) for (const term of contentTerms(heading)) stems.add(term);
    memo.set(key, stems);
    return stems;
  };
}
