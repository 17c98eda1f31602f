/**
 * Degree words people put before money in an idiom ("poured serious cash into", "sunk a ton of money
 * into", "pumped big bucks into"), which stand between the words of the idiom the alias files list
 * ("poured cash into"). They say how much, which the sheets' own words then tell exactly.
 */
const BEFORE_MONEY =
  /\b(?:serious|big|real|huge|massive|major|mad|crazy|insane|heavy|hard|(?:a\s+)?(?:lot|ton|bunch|boatload|truckload|load)s?\s+of)\s+(cash|money|capital|bucks|dough|funds)\b/giu;

/** `text` without degree words before a word for money: "poured serious cash into" → "poured cash into". */
export function dropMoneyIntensifiers(text: string): string {
  return text.replace(BEFORE_MONEY, '$1');
}
