/**
 * One-word names of countries and regions in English, lower case ("france", "china", "australia"), from
 * CLDR through `Intl.DisplayNames` (Node's ICU data): a question about one the sheets never name is about
 * something they don't cover, even typed in lower case. Multi-word names are left out: their words
 * ("south", "new") are ordinary words.
 */
let placeNames: ReadonlySet<string> | undefined;

export function isPlaceName(token: string): boolean {
  placeNames ??= buildPlaceNames();
  return placeNames.has(token);
}

function buildPlaceNames(): Set<string> {
  const names = new Set<string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      let name: string | undefined;
      try {
        name = display.of(first + second);
      } catch {
        name = undefined;
      }
      if (name !== undefined && /^\p{L}+$/u.test(name)) names.add(name.toLowerCase());
    }
  }
  return names;
}
