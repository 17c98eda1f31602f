import { canonicaliseNumbers } from '../text/canonical-numbers.js';
import { restoreDroppedG } from '../text/dropped-g.js';
import { monthsAsYears } from '../text/durations.js';
import { spokenYears } from '../text/spoken-years.js';
import { foldLatinDiacritics, normaliseUnicode } from '../text/unicode.js';
import { NO_ALIASES, type AliasTable } from './alias-table.js';
import { findAliases, replaceAliasUses, type AliasUse } from './apply-aliases.js';
import { stripDiscordMarkup } from './strip-discord-markup.js';
import { dropMoneyIntensifiers } from './money-intensifiers.js';
import { dropHonorifics } from './honorifics.js';

/** What {@link normaliseQuestion} needs besides the question. */
export interface NormaliseQuestionOptions {
  /** Aliases to rewrite into the sheets' terms (from `loadAliases`). @default no aliases */
  readonly aliases?: AliasTable;
}

/** A question in the two forms the answering pipeline uses. */
export interface NormalisedQuestion {
  /**
   * What the person meant, to show back to them: Discord markup removed (no mention, emoji or URL
   * survives, so echoing it can never ping or render), Unicode normalised (NFKC, dashes, invisible
   * characters, straight quotes), whitespace collapsed. Their own words otherwise, diacritics included.
   */
  readonly display: string;
  /**
   * What to search and check coverage with: {@link display} with aliases replaced by the sheets' terms
   * ("DPRK" → "North Korea"), numbers in the sheets' spelling ("850k" → "850,000", "$1.6bn" →
   * "$1.6 billion", "thirty" → "30", "twelve months" → "one year"), a dropped "g" restored ("buyin" →
   * "buying") and Latin diacritics folded ("Shinzō" → "Shinzo").
   */
  readonly search: string;
  /**
   * The aliases found in {@link display} (its dropped "g"s restored), with what replaced them, e.g. to
   * explain an answer.
   */
  readonly aliases: readonly AliasUse[];
}

/**
 * The normalise stage of the answering pipeline: raw message text (a slash-command option, a message
 * that mentions the bot, a CLI argument) → {@link NormalisedQuestion}. Pure and fast (tens of
 * microseconds for a 500-character question); it never throws and never rejects anything: whether the
 * result is empty or too long is for validation to decide.
 */
export function normaliseQuestion(raw: string, options: NormaliseQuestionOptions = {}): NormalisedQuestion {
  const display = normaliseUnicode(stripDiscordMarkup(raw)).replace(/\s+/g, ' ').trim();
  // A dropped "g" first, so that "kidnappin" meets the alias "kidnapping".
  const spoken = dropHonorifics(dropMoneyIntensifiers(restoreDroppedG(display)));
  const aliases = findAliases(spoken, options.aliases ?? NO_ALIASES);
  // Aliases first, on the words as typed ("the States"), then numbers (and months as years), then
  // diacritics for matching.
  const search = foldLatinDiacritics(
    monthsAsYears(canonicaliseNumbers(spokenYears(replaceAliasUses(spoken, aliases)))),
  );
  return { display, search, aliases };
}
