import { contentTerms, contentTokens } from '../text/content-terms.js';
import { foldLatinDiacritics } from '../text/unicode.js';
import { wordForms } from '../text/word-forms.js';
import type { Passage, Quotation, QuoteQuery } from '../types.js';

/** A quotation with its words prepared for search. */
export interface CatalogueEntry {
  readonly quotation: Quotation;
  readonly speakerWords: ReadonlySet<string>;
  /** Content terms (stems) of the quoted words. */
  readonly quoteTerms: ReadonlySet<string>;
  /** Content terms (stems) of the passage it stands in. */
  readonly passageTerms: ReadonlySet<string>;
  /** Every form ({@link wordForms}) of the content words of the quoted words, for topic search. */
  readonly quoteForms: ReadonlySet<string>;
  /** Every form of the content words of the passage it stands in. */
  readonly passageForms: ReadonlySet<string>;
}

/** Quotations with what is needed to search them, built once per knowledge version. */
export interface QuotationCatalogue {
  readonly quotations: readonly Quotation[];
  readonly entries: readonly CatalogueEntry[];
  readonly speakers: readonly string[];
  find(query?: QuoteQuery): Quotation | undefined;
}

/**
 * Builds a searchable catalogue. Speaker search is loose ("trump", "Abe", "prime minister" all work) and
 * ignores diacritics ("Shinzō" finds Shinzo Abe, and a sheet that wrote "Shinzō" is found by "Shinzo");
 * topic search scores a quotation by the topic's words found in its words first, then in its passage,
 * comparing word forms ({@link wordForms}), so "abductees", "abduction" and "abducted" find each other.
 * Japanese speakers and topics are read into English before they get here (see read-quote-query.ts).
 */
export function createQuotationCatalogue(
  quotations: readonly Quotation[],
  passagesById: ReadonlyMap<string, Passage>,
): QuotationCatalogue {
  const speakers = [...new Set(quotations.map((quotation) => quotation.speaker))].sort();
  const terms = new TermPool();
  // Quotations of one passage share its sets, and quotations of one speaker their name words: built once each.
  const ofPassage = new Map<string, { readonly terms: TermSet; readonly forms: TermSet }>();
  const ofSpeaker = new Map<string, ReadonlySet<string>>();
  const searchable: CatalogueEntry[] = quotations.map((quotation) => {
    let passage = ofPassage.get(quotation.passageId);
    if (passage === undefined) {
      const text = passagesById.get(quotation.passageId)?.text ?? '';
      passage = { terms: terms.set(contentTerms(text)), forms: terms.set(formsOf(text)) };
      ofPassage.set(quotation.passageId, passage);
    }
    let speakerWords = ofSpeaker.get(quotation.speaker);
    if (speakerWords === undefined) {
      speakerWords = new Set(words(quotation.speaker));
      ofSpeaker.set(quotation.speaker, speakerWords);
    }
    return {
      quotation,
      speakerWords,
      quoteTerms: terms.set(contentTerms(quotation.text)),
      passageTerms: passage.terms,
      quoteForms: terms.set(formsOf(quotation.text)),
      passageForms: passage.forms,
    };
  });
  terms.seal();

  return {
    quotations,
    entries: searchable,
    speakers,
    find(query = {}) {
      const random = query.random ?? Math.random;
      let candidates = searchable;
      const speakerWords = words(query.speaker ?? '').filter((word) => !SPEAKER_FILLER.has(word));
      if (query.speaker !== undefined && query.speaker.trim() !== '') {
        // Every word the person typed must name the speaker; titles alone ("president") are enough too.
        const wanted = speakerWords.length > 0 ? speakerWords : words(query.speaker);
        candidates = candidates.filter((entry) => wanted.every((word) => entry.speakerWords.has(word)));
      }
      // One set of forms per word typed: a word counts once however many of its forms match.
      const topic = [...new Set(contentTokens(query.topic ?? ''))].map(wordForms);
      if (topic.length > 0) {
        const scored = candidates
          .map((entry) => ({
            entry,
            score: topic.reduce(
              (sum, forms) =>
                sum + (meets(forms, entry.quoteForms) ? 2 : meets(forms, entry.passageForms) ? 1 : 0),
              0,
            ),
          }))
          .filter((item) => item.score > 0);
        const best = Math.max(0, ...scored.map((item) => item.score));
        candidates = scored.filter((item) => item.score === best).map((item) => item.entry);
      }
      if (candidates.length === 0) return undefined;
      const pick = Math.min(candidates.length - 1, Math.floor(random() * candidates.length));
      return candidates[pick]?.quotation;
    },
  };
}

/** Every form of every content word of a text. */
function formsOf(text: string): Set<string> {
  const forms = new Set<string>();
  for (const token of new Set(contentTokens(text))) for (const form of wordForms(token)) forms.add(form);
  return forms;
}

/**
 * The terms of a catalogue, each string held once, and its term sets as runs of one shared array of term numbers.
 * At 100,000 passages (the bench's synthetic knowledge, 9,436 quotations) the catalogue held four `Set`s of fresh
 * strings per quotation, ~40 MB of heap (`scripts/measure-memory.ts`); a number is 4 bytes and each distinct
 * string is kept once.
 */
class TermPool {
  readonly numberOf = new Map<string, number>();
  /** Every set's term numbers, ascending within a set, sets back to back. */
  members = new Uint32Array(1 << 16);
  private used = 0;

  /** A set of `values`' distinct terms. */
  set(values: Iterable<string>): TermSet {
    const numbers: number[] = [];
    for (const value of values) {
      let number = this.numberOf.get(value);
      if (number === undefined) {
        number = this.numberOf.size;
        this.numberOf.set(value, number);
      }
      numbers.push(number);
    }
    const sorted = [...new Set(numbers)].sort((a, b) => a - b);
    if (this.used + sorted.length > this.members.length) {
      const grown = new Uint32Array(Math.max(this.members.length * 2, this.used + sorted.length));
      grown.set(this.members.subarray(0, this.used));
      this.members = grown;
    }
    const start = this.used;
    this.members.set(sorted, start);
    this.used += sorted.length;
    return new TermSet(this, start, this.used);
  }

  /** Gives back the room no set uses, once every set is made. */
  seal(): void {
    this.members = this.members.slice(0, this.used);
  }

  private termsByNumber: string[] | undefined;

  /** The term numbered `number` (the table is made on first need: only iteration asks). */
  term(number: number): string {
    if (this.termsByNumber === undefined) {
      this.termsByNumber = new Array<string>(this.numberOf.size);
      for (const [term, at] of this.numberOf) this.termsByNumber[at] = term;
    }
    return this.termsByNumber[number]!;
  }
}

/**
 * A read-only set of terms of a {@link TermPool}: `has` is a map lookup and a binary search. Iterates in the
 * order terms were first seen by the catalogue (not in the order given).
 */
class TermSet implements ReadonlySet<string> {
  constructor(
    private readonly pool: TermPool,
    private readonly start: number,
    private readonly end: number,
  ) {}

  get size(): number {
    return this.end - this.start;
  }

  has(term: string): boolean {
    const number = this.pool.numberOf.get(term);
    if (number === undefined) return false;
    const members = this.pool.members;
    let low = this.start;
    let high = this.end - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = members[middle]!;
      if (value === number) return true;
      if (value < number) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  *values(): SetIterator<string> {
    for (let at = this.start; at < this.end; at += 1) yield this.pool.term(this.pool.members[at]!);
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const value of this.values()) yield [value, value];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const value of this.values()) callback.call(thisArg, value, value, this);
  }
}

function meets(forms: ReadonlySet<string>, terms: ReadonlySet<string>): boolean {
  for (const form of forms) if (terms.has(form)) return true;
  return false;
}

/** Words that say nothing about which speaker is meant. */
const SPEAKER_FILLER = new Set(['the', 'mr', 'mrs', 'ms']);

/**
 * The speakers whose names contain what has been typed so far, or every word of it, ignoring case and
 * diacritics ("shinzō", "Shinzo" and "prime minister abe" all suggest "Prime Minister Shinzo Abe"), in
 * the given order; all of them for empty input.
 * For `/quote speaker:` autocomplete.
 */
export function suggestSpeakers(speakers: readonly string[], typed: string): string[] {
  const wanted = matchable(typed).trim();
  // Whole words in another order name the speaker too ("Prime Minister Abe", as 安倍首相 reads).
  const typedWords = words(typed).filter((word) => !SPEAKER_FILLER.has(word));
  return speakers.filter((speaker) => {
    if (matchable(speaker).includes(wanted)) return true;
    const speakerWords = new Set(words(speaker));
    return typedWords.length > 0 && typedWords.every((word) => speakerWords.has(word));
  });
}

/** Lower case, NFKC, Latin diacritics folded: the form in which names are compared. */
function matchable(text: string): string {
  return foldLatinDiacritics(text.normalize('NFKC')).toLowerCase();
}

function words(text: string): string[] {
  return matchable(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
