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
  const searchable: CatalogueEntry[] = quotations.map((quotation) => {
    const passage = passagesById.get(quotation.passageId)?.text ?? '';
    return {
      quotation,
      speakerWords: new Set(words(quotation.speaker)),
      quoteTerms: new Set(contentTerms(quotation.text)),
      passageTerms: new Set(contentTerms(passage)),
      quoteForms: formsOf(quotation.text),
      passageForms: formsOf(passage),
    };
  });

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
function formsOf(text: string): ReadonlySet<string> {
  const forms = new Set<string>();
  for (const token of new Set(contentTokens(text))) for (const form of wordForms(token)) forms.add(form);
  return forms;
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
