/** A person named by title in a text: "President Trump", "Prime Minister Shinzo Abe", "The President". */
export interface PersonMention {
  /** The title as written, e.g. "Prime Minister". */
  readonly title: string;
  /** The name after the title, e.g. "Donald J. Trump"; "" when only the title is used ("The President"). */
  readonly name: string;
  /** Offsets of the whole mention in the text it was found in. */
  readonly start: number;
  readonly end: number;
}

// Longest titles first, so "Advisor to the President Ivanka Trump" is not read as "President Ivanka Trump".
const TITLES = [
  String.raw`(?:Senior |Deputy )?(?:Advisor|Adviser|Assistant|Counselor) to the President`,
  String.raw`Secretary of (?:State|Defense|Commerce|Energy|the Treasury|Homeland Security|Agriculture|Transportation)`,
  String.raw`Vice President`,
  String.raw`President-Elect`,
  String.raw`President`,
  String.raw`Deputy Prime Minister`,
  String.raw`Prime Minister`,
  String.raw`(?:Chief Cabinet|Foreign|Defense|Defence|Finance|Trade) (?:Minister|Secretary)`,
  String.raw`Minister`,
  String.raw`First Lady`,
  String.raw`Crown Prince(?:ss)?`,
  String.raw`Emperor`,
  String.raw`Empress`,
  String.raw`Ambassador`,
  String.raw`Secretary-General`,
  String.raw`Secretary`,
  String.raw`Chancellor`,
  String.raw`Governor`,
  String.raw`Senator`,
  String.raw`King`,
  String.raw`Queen`,
];
// A name token is a capitalised word or an initial ("J."); a word ending in "." is a sentence end, not a name.
const NAME_TOKEN = String.raw`(?:[A-Z]\.|[A-Z][\p{L}'’-]*[\p{L}])`;
const MENTION = new RegExp(
  String.raw`(?<![\p{L}])(?<title>${TITLES.join('|')})(?![\p{L}])(?<name>(?:[ \t]+${NAME_TOKEN})*)`,
  'gu',
);

/** Every titled person mention in `text`, in order. */
export function findPersonMentions(text: string): PersonMention[] {
  const mentions: PersonMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const title = match.groups?.['title'] ?? '';
    const rawName = (match.groups?.['name'] ?? '').trim();
    // "Prime Minister Abe's visit": the possessive is not part of the name.
    const name = rawName.replace(/['’]s$/u, '');
    const start = match.index;
    const end = start + match[0].length - (rawName.length - name.length);
    mentions.push({ title, name, start, end });
  }
  return mentions;
}

/**
 * Maps the ways one document refers to people ("President Trump", "The President") to the fullest
 * name the same document gives them ("President Donald J. Trump"). A mention stays as written when the
 * document gives no fuller name, or when two different people could be meant.
 */
export function createSpeakerResolver(
  mentionsInDocument: readonly PersonMention[],
): (mention: { title?: string; name: string }) => string {
  const fullNames = new Map<string, string[][]>();
  for (const mention of mentionsInDocument) {
    if (mention.name === '') continue;
    const tokens = mention.name.split(/\s+/);
    const known = fullNames.get(mention.title) ?? [];
    if (!known.some((other) => other.join(' ') === tokens.join(' '))) known.push(tokens);
    fullNames.set(mention.title, known);
  }

  return ({ title, name }) => {
    const tokens = name === '' ? [] : name.split(/\s+/);
    const titles = title === undefined ? [...fullNames.keys()] : [title];
    const candidates = titles.flatMap((candidateTitle) =>
      (fullNames.get(candidateTitle) ?? [])
        .filter(
          (full) =>
            tokens.length === 0 ||
            (full.at(-1) === tokens.at(-1) && tokens.every((token) => full.includes(token))),
        )
        .map((full) => ({ title: candidateTitle, tokens: full })),
    );
    const written = [title, name].filter((part) => part !== undefined && part !== '').join(' ');
    // Everyone who could be meant, identified by title and surname.
    const people = new Set(
      candidates.map((candidate) => `${candidate.title} ${candidate.tokens.at(-1) ?? ''}`),
    );
    if (people.size !== 1) return written;
    const fullest = candidates.reduce((best, candidate) =>
      candidate.tokens.length > best.tokens.length ? candidate : best,
    );
    return `${fullest.title} ${fullest.tokens.join(' ')}`;
  };
}
