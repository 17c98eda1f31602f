/**
 * One-word names of countries and regions in English, lower case ("france", "china", "australia"), from
 * CLDR through `Intl.DisplayNames` (Node's ICU data): a question about one the sheets never name is about
 * something they don't cover, even typed in lower case. Multi-word names are left out: their words
 * ("south", "new") are ordinary words.
 */
let placeNames: ReadonlySet<string> | undefined;

/** Whether a lower-case token is the one-word name of a country, region or U.S. state. */
export function isPlaceName(token: string): boolean {
  placeNames ??= buildPlaceNames();
  return placeNames.has(token);
}

/**
 * The one-word names of the fifty U.S. states (CLDR has no subdivisions in `Intl.DisplayNames`): "is there
 * a plant in texas?" names a place as surely as "france" does. Written from the list of states; "Georgia"
 * is a country too, and "Washington" is left out, as the alliance's capital ("what did Washington agree?").
 */
const US_STATES = `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
  idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
  vermont virginia wisconsin wyoming`;

function buildPlaceNames(): Set<string> {
  const names = new Set<string>(US_STATES.split(/\s+/).filter((name) => name.length > 0));
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

let multiWordPlaces: readonly string[] | undefined;

/**
 * Names of countries and regions of two or more words, lower case ("latin america", "new zealand",
 * "western europe"), from CLDR through `Intl.DisplayNames`: its two-letter regions and the UN M.49 numeric
 * ones (001–999). Names with a qualifier in them ("Hong Kong SAR China", "Congo - Kinshasa") are left out.
 */
export function multiWordPlaceNames(): readonly string[] {
  multiWordPlaces ??= buildMultiWordPlaces();
  return multiWordPlaces;
}

function buildMultiWordPlaces(): string[] {
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes = [
    ...[...letters].flatMap((first) => [...letters].map((second) => first + second)),
    ...Array.from({ length: 999 }, (_, index) => String(index + 1).padStart(3, '0')),
  ];
  const names = new Set<string>();
  for (const code of codes) {
    let name: string | undefined;
    try {
      name = display.of(code);
    } catch {
      name = undefined;
    }
    if (
      name !== undefined &&
      /^\p{L}+(?:[ -]\p{L}+)+$/u.test(name) &&
      !/\b(?:SAR|Unknown|Outlying)\b/u.test(name)
    )
      names.add(name.toLowerCase());
  }
  return [...names];
}
