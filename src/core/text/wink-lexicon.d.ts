/** Types for the WordNet exception lists in wink-lexicon 2 (the package ships none): inflected form → lemma. */
declare module 'wink-lexicon/src/wn-verb-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}
declare module 'wink-lexicon/src/wn-noun-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}
declare module 'wink-lexicon/src/wn-adjective-exceptions.js' {
  const exceptions: Readonly<Record<string, string>>;
  export default exceptions;
}

/** WordNet's lexicographer file names, by number ("verb.communication"). */
declare module 'wink-lexicon/src/wn-senses.js' {
  const senses: readonly string[];
  export default senses;
}

/** WordNet lemma → its row in wn-word-senses. */
declare module 'wink-lexicon/src/wn-words.js' {
  const words: Readonly<Record<string, number>>;
  export default words;
}

/** Row → the lexicographer file numbers of the lemma's senses. */
declare module 'wink-lexicon/src/wn-word-senses.js' {
  const senses: readonly (readonly number[] | undefined)[];
  export default senses;
}
