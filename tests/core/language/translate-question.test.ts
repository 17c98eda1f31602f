import { beforeAll, describe, expect, it } from 'vitest';

import type { Glossary } from '../../../src/core/language/glossary.js';
import { loadGlossary } from '../../../src/core/language/load-glossary.js';
import {
  readJapaneseWords,
  translateJapaneseQuestion,
} from '../../../src/core/language/translate-question.js';

let glossary: Glossary;
beforeAll(async () => {
  glossary = await loadGlossary('knowledge');
});

function translate(text: string) {
  return translateJapaneseQuestion(text, glossary);
}

describe('translateJapaneseQuestion: the examples of issue 11', () => {
  it('GIVEN 令和とはどういう意味ですか？ THEN it asks what Reiwa means', () => {
    expect(translate('令和とはどういう意味ですか？')).toMatchObject({
      englishQuery: 'what Reiwa means',
      unknownTerms: [],
      asks: 'what',
      isChitChat: false,
    });
  });

  it('GIVEN トヨタとマツダはアラバマの工場にいくら投資した？ THEN it asks how much Toyota and Mazda invested in the Alabama plant', () => {
    expect(translate('トヨタとマツダはアラバマの工場にいくら投資した？')).toMatchObject({
      englishQuery: 'how much Toyota Mazda Alabama plant factories investment',
      unknownTerms: [],
      asks: 'how-much',
    });
  });

  it('GIVEN 北朝鮮による拉致被害者の家族に会ったのは誰？ THEN it asks who met the abductees’ families', () => {
    expect(translate('北朝鮮による拉致被害者の家族に会ったのは誰？')).toMatchObject({
      englishQuery: 'who North Korea Japanese nationals abducted families met',
      unknownTerms: [],
      asks: 'who',
    });
  });

  it.each([
    ['85万', '850,000'],
    ['16億ドル', '$1.6 billion'],
    ['三十', '30'],
    ['4回', '4 four rounds'],
    ['安倍首相', 'Prime Minister Abe'],
    ['トランプ大統領', 'President Trump'],
    ['令和', 'Reiwa'],
    ['天皇陛下', 'Emperor'],
    ['北朝鮮', 'North Korea'],
  ])('GIVEN %s THEN the English is "%s"', (japanese, english) => {
    expect(translate(japanese)).toMatchObject({ englishQuery: english, unknownTerms: [], asks: undefined });
  });
});

describe('translateJapaneseQuestion', () => {
  it('GIVEN a place the sheets never mention THEN its English name is searched, so the refusal can name it', () => {
    expect(translate('沖縄の米軍基地について教えて')).toMatchObject({
      englishQuery: 'Okinawa U.S. Armed Forces Airbase',
      unknownTerms: [],
    });
  });

  it('GIVEN a name the glossary does not know THEN it is an unknown term, as typed, for the refusal', () => {
    expect(translate('毛沢東とトランプは会った？').unknownTerms).toEqual(['毛沢東']);
  });

  it('GIVEN a compound the segmenter splits THEN the whole compound is unknown and its known part is dropped', () => {
    expect(translate('防衛費はいくら？')).toMatchObject({
      englishQuery: 'how much',
      unknownTerms: ['防衛費'],
    });
  });

  it('GIVEN question wording (教えて, ファクトシート, まとめて) THEN it is neither English nor unknown', () => {
    expect(translate('ファクトシートの内容をまとめて')).toMatchObject({
      englishQuery: '',
      unknownTerms: [],
      asks: 'overview',
    });
  });

  it('GIVEN Latin words and codes THEN they pass through as typed, each English word once', () => {
    expect(translate('F-35戦闘機を日本は買った？').englishQuery).toBe('F-35 jet fighters Japan purchasers');
    expect(translate('NASAと月に戻る計画について').englishQuery).toBe('NASA Moon return program');
  });

  it('GIVEN a quotation question THEN the speaker (marked by は) stands just before "say", the other words after', () => {
    expect(translate('安倍首相はトランプ大統領について何と言った？')).toMatchObject({
      englishQuery: 'what did Prime Minister Abe say President Trump',
      asks: 'quote',
    });
  });

  it('GIVEN casual って after a name THEN it marks the speaker as は does, and no other name stands before "say"', () => {
    expect(translate('トランプってアベさんのことどんな風にほめてたの？強いとか言ってた')).toMatchObject({
      englishQuery: 'what did Trump say Abe praised strong',
      asks: 'quote',
    });
  });

  it('GIVEN a count question THEN the counter is question wording and the verb maps to the sheets’ word', () => {
    expect(translate('国連は北朝鮮に何回制裁を科した？')).toMatchObject({
      englishQuery: 'how many United Nations North Korea sanctions passed',
      unknownTerms: [],
    });
  });

  it('GIVEN a date THEN it becomes the English year and month', () => {
    expect(translate('2017年11月に何があった？').englishQuery).toBe('what 2017 November');
  });

  it('GIVEN small talk THEN it is flagged and names no unknown term', () => {
    expect(translate('テスト')).toMatchObject({ isChitChat: true, unknownTerms: [] });
    expect(translate('ありがとう！')).toMatchObject({ isChitChat: true, englishQuery: '' });
  });

  it('GIVEN a full-width question THEN it reads the NFKC form', () => {
    expect(translate('ＮＡＳＡの月探査は？').englishQuery).toBe('NASA Moon');
  });
});

describe('everyday Japanese for the sheets’ words and the question’s frame', () => {
  it('GIVEN everyday verbs and adjectives THEN they read as the sheets’ words, and nothing is unknown', () => {
    const translated = translate('アメリカは日本に最新のミサイル防衛技術を売ることを認めたんですか？');
    expect(translated.unknownTerms).toEqual([]);
    expect(translated.englishQuery).toContain('advanced');
    expect(translated.englishQuery).toContain('sale');
    expect(translated.englishQuery).toContain('approved');
  });

  it('GIVEN the question’s frame ("what is the purpose", "in the end", "in English") THEN it is not a topic', () => {
    expect(translate('最大限の圧力キャンペーンって結局何が目的なんですか？').unknownTerms).toEqual([]);
    expect(translate('令和って英語だとどういう意味？').unknownTerms).toEqual([]);
  });
});

describe('counter questions: 何機/何台/何人 and the verb after them', () => {
  it.each([
    ['日本はF-35を何機買いましたか', ['Japan', 'F-35', 'purchasers']],
    ['日本は何台買わなかった', ['Japan', 'purchasers']],
    ['日本企業は何人雇いましたか', ['Japanese companies', 'jobs employment hiring']],
    ['トランプとアベは何回会いましたか', ['Trump', 'Abe', 'meet']],
  ])(
    'GIVEN %s THEN it asks how many, the verb is read as its verb, and nothing is unknown',
    (text, english) => {
      const read = translate(text);
      expect(read.asks).toBe('how-many');
      expect(read.terms.map((term) => term.en)).toEqual(english);
      expect(read.unknownTerms).toEqual([]);
    },
  );

  it('GIVEN a verb the glossary does not know after a counter THEN the counter is never part of the unknown word', () => {
    const read = translate('何人釣りましたか');
    expect(read.asks).toBe('how-many');
    expect(read.unknownTerms).toEqual(['釣り']);
  });

  it('GIVEN a verb in any godan stem THEN it is read through its dictionary form in the glossary', () => {
    for (const form of ['買う', '買い', '買わ', '買っ', '買え']) {
      expect(translate(`${form}ます`).terms.map((term) => term.en)).toEqual(['purchasers']);
    }
  });

  it('GIVEN a compound the glossary half knows THEN it is still one unknown word (防衛費), as before', () => {
    expect(translate('防衛費はいくら？').unknownTerms).toEqual(['防衛費']);
  });
});

describe('katakana and kana spellings of the sheets’ names', () => {
  it.each([
    ['アベ', 'Abe'],
    ['アベ首相', 'Prime Minister Abe'],
    ['シンゾウ・アベ', 'Shinzo Abe'],
    ['とらんぷ', 'Trump'],
    ['トヨタ', 'Toyota'],
    ['マツダ', 'Mazda'],
    ['ホンダ', 'Honda'],
    ['デンソー', 'Denso'],
    ['メラニア', 'Melania'],
    ['イバンカ', 'Ivanka'],
  ])('GIVEN %s THEN it reads as %s', (text, english) => {
    const read = translate(text);
    expect(read.terms.map((term) => term.en)).toEqual([english]);
    expect(read.unknownTerms).toEqual([]);
  });
});

describe('readJapaneseWords: Japanese words inside an English question', () => {
  it.each([
    ['what does reiwa mean? 令和', 'what does reiwa mean? Reiwa'],
    ['日本企業 jobs how many', 'Japanese companies jobs how many'],
    ['did Trump meet アベ', 'did Trump meet Abe'],
    ['what about 沖縄 bases', 'what about Okinawa bases'],
  ])('GIVEN "%s" THEN it reads "%s"', (text, expected) => {
    expect(readJapaneseWords(text, glossary)).toBe(expected);
  });

  it('GIVEN a Japanese word the glossary does not know THEN it stays as typed, to be named when refusing', () => {
    expect(readJapaneseWords('tell me about 毛沢東', glossary)).toBe('tell me about 毛沢東');
  });

  it('GIVEN only English THEN nothing changes', () => {
    expect(readJapaneseWords('how many F-35s did Japan buy?', glossary)).toBe(
      'how many F-35s did Japan buy?',
    );
  });
});

describe('words written with their inflection in kana', () => {
  it.each([
    ['OPICが覚書を結んだ相手はどこ？', '結'],
    ['JBICとあと一つどこだっけ、ど忘れした', '忘'],
    ['トランプは日本を守ると約束した？', '守'],
  ])('GIVEN "%s" THEN the verb (%s…) is no unknown subject', (question, verb) => {
    expect(translate(question).unknownTerms.some((term) => term.includes(verb))).toBe(false);
  });

  it('GIVEN a kanji noun before a particle THEN it stays an unknown subject', () => {
    expect(translate('トランプと相撲の関係は？').unknownTerms).toContain('相撲');
  });
});

describe('katakana loanwords for the sheets’ words', () => {
  it.each([
    ['アグレッシブ', 'aggressive'],
    ['ハーモニー', 'harmony'],
    ['フレンドシップ', 'friendship'],
  ])('GIVEN %s THEN it reads as "%s"', (japanese, english) => {
    const translated = translate(`${japanese}について教えて`);
    expect(translated.unknownTerms).toEqual([]);
    expect(translated.englishQuery).toContain(english);
  });
});
