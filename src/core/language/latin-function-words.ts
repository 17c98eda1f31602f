/**
 * Frequent function words and question words of the Latin-script languages Kizuna is most likely to
 * meet, by BCP 47 code. Every word here is one that English (casual English included) does not use:
 * "was", "die", "do", "no", "as", "con", "per", "is", "son", "hay", "al", "dan", "met", "im", "sus" and
 * the like are left out, so an English question can never score for
 * another language. Beyond function words, each list holds only its word for "means" and for Japan/Japanese, the
 * likeliest content words of a question to Kizuna.
 * Written for Kizuna (MIT), from general knowledge of each language; tokens are lowercase, and words
 * with apostrophes or hyphens are listed by their parts ("qu'est-ce" → "qu", "est", "ce").
 */
export const LATIN_FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  fr: words(`le la les des du une est sont qui que quoi quel quelle quels quelles combien pourquoi comment où
    qu ce cette ces dans pour avec sur pas mais il elle ils elles nous vous leur leurs aux au été ont de
    signifie japon japonais japonaise japonaises`),
  es: words(`el los las del una es qué que quién quien quiénes cuál cuáles cuánto cuántos cuántas cuándo dónde
    por cómo sobre pero también de se su significa japón japonés japonesa japoneses japonesas`),
  pt: words(`o os uma que quem qual quais quanto quantos quantas quando onde porque como com não é são foi da
    dos das na nos nas ao de significa japão japonês japonesa japoneses japonesas`),
  it: words(`il lo gli le dei degli delle della del che chi cosa quale quali quanto quanti quante quando perché
    non sono è di una significa giappone giapponese giapponesi`),
  de: words(`der das und ist sind wer wie wann wo warum welche welcher welches viele wieviel nicht mit sich den
    dem des ein eine einer eines für über auf haben wird wurde zu von ich auch oder aber bedeutet japanische
    japanischen japanischer`),
  nl: words(`de het een wat wie waarom wanneer waar hoeveel welke zijn niet voor ook maar betekent japanse`),
  sv: words(`vad betyder hur många vem när varför och är det inte japanska`),
  tr: words(`ne nedir demek kim kaç hangi neden nasıl nerede ve bir bu için ile mi mı mu mü japonya`),
  pl: words(`co jest są czy kto ile jak dlaczego gdzie kiedy nie się oznacza znaczy japonia japońskie`),
  id: words(
    `apa arti artinya berapa siapa kapan mengapa bagaimana yang ini itu dengan untuk tidak adalah jepang`,
  ),
  vi: words(`là gì nghĩa bao nhiêu của và có không người khi nào tại sao nhật`),
  // Japanese typed in rōmaji ("reiwa tte nani", "reiwa wa dou iu imi desu ka"): Kizuna reads Japanese in
  // its own script, so it asks for that (or English) instead of naming "nani" as a missing topic.
  'ja-Latn': words(`nani nande desu desuka deshita masu masuka mashita tte dou doushite naze itsu dare ikura
    nannin nankai oshiete kudasai imi nihonjin`),
};

function words(list: string): readonly string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

/**
 * Function words a language shares with English ("was" is German for "what", "no" Spanish for "not").
 * They count for the language only once a word of {@link LATIN_FUNCTION_WORDS} has shown it, and then
 * no longer count as English, so "Was bedeutet Reiwa?" is German while "what was Reiwa" stays English.
 */
export const LATIN_SHARED_WORDS: Readonly<Record<string, readonly string[]>> = {
  fr: words(`a en on y`),
  es: words(`a no con son al hay sus`),
  pt: words(`a as do no em`),
  it: words(`a in per come dove`),
  de: words(`was die hat in man so war`),
  nl: words(`is in met van hoe`),
  sv: words(`i en på`),
  tr: words(`da de`),
  pl: words(`w z na a`),
  id: words(`di dan ke`),
  vi: words(`an`),
  'ja-Latn': words(`ka wa ha no ni wo ga iu to de`),
};
