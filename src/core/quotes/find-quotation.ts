import { contentTerms } from '../text/content-terms.js';
import { foldLatinDiacritics } from '../text/unicode.js';
import type { Passage, Quotation, QuoteQuery } from '../types.js';

/** A quotation with its words prepared for search. */
export interface CatalogueEntry {
  readonly quotation: Quotation;
  readonly speakerWords: ReadonlySet<string>;
  /** Content terms of the quoted words. */
  readonly quoteTerms: ReadonlySet<string>;
  /** Content terms of the passage it stands in. */
  readonly passageTerms: ReadonlySet<string>;
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
 * topic search scores a quotation by the topic's terms found in its words first, then in its passage.
 */
export function createQuotationCatalogue(
  quotations: readonly Quotation[],
  passagesById: ReadonlyMap<string, Passage>,
): QuotationCatalogue {
  const speakers = [...new Set(quotations.map((quotation) => quotation.speaker))].sort();
  const searchable: CatalogueEntry[] = quotations.map((quotation) => ({
    quotation,
    speakerWords: new Set(words(quotation.speaker)),
    quoteTerms: new Set(contentTerms(quotation.text)),
    passageTerms: new Set(contentTerms(passagesById.get(quotation.passageId)?.text ?? '')),
  }));

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
      const topic = contentTerms(query.topic ?? '');
      if (topic.length > 0) {
        const scored = candidates
          .map((entry) => ({
            entry,
            score: topic.reduce(
              (sum, term) => sum + (entry.quoteTerms.has(term) ? 2 : entry.passageTerms.has(term) ? 1 : 0),
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

/** Words that say nothing about which speaker is meant. */
const SPEAKER_FILLER = new Set(['the', 'mr', 'mrs', 'ms']);

/**
 * The speakers whose names contain what has been typed so far, ignoring case and diacritics ("shinzō"
 * and "Shinzo" both suggest "Prime Minister Shinzo Abe"), in the given order; all of them for empty input.
 * For `/quote speaker:` autocomplete.
 */
export function suggestSpeakers(speakers: readonly string[], typed: string): string[] {
  const wanted = matchable(typed).trim();
  return speakers.filter((speaker) => matchable(speaker).includes(wanted));
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
