import { contentTokens } from '../text/content-terms.js';
import { META_WORDS } from './word-support.js';

/**
 * True for a sentence that states nothing about the world: "In short:", "Here is what the fact sheets
 * say.", "Additionally," – every content word is a meta word. It needs no citation, and a reply made
 * only of these does not answer.
 */
export function isConnective(body: string): boolean {
  return contentTokens(body).every((token) => META_WORDS.has(token) || CONNECTIVE_WORDS.has(token));
}

const CONNECTIVE_WORDS: ReadonlySet<string> = new Set(
  `yes here summarize summarise sum put simply words brief first second finally lastly next addition
  conclusion regard regards respect context short`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

// "The fact sheets do not say / don't mention / are silent on …" (prompt rule 4: say plainly what they
// do not say).
const LIMITATION =
  /^(?:however,?\s+)?(?:the\s+)?(?:(?:white\s+house\s+)?fact\s+sheets?|sheets?|passages?|sources?)\s+(?:do|does|did)\s*(?:not|n['’]t)\s+(?:say|mention|state|specify|give|cover|address|describe|include|provide|discuss|list|indicate|explain)\b|^(?:the\s+)?(?:fact\s+sheets?|sheets?|passages?|sources?)\s+(?:are|is)\s+silent\b|^there\s+is\s+no\s+(?:mention|information|detail)\b/iu;

/**
 * True for a sentence that says what the fact sheets do not say ("The fact sheets do not say how many
 * troops…"). It claims nothing about the world, so it needs no citation; it must not carry a quotation.
 */
export function isLimitation(body: string): boolean {
  return LIMITATION.test(body.trim()) && !/["“”]/u.test(body) && body.split(/\s+/).length <= 30;
}
