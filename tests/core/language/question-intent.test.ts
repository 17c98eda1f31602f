import { describe, expect, it } from 'vitest';

import { askedFor } from '../../../src/core/language/question-intent.js';

describe('askedFor', () => {
  it.each([
    ['北朝鮮による拉致被害者の家族に会ったのは誰？', 'who'],
    ['日米貿易協定の交渉はいつ始まった？', 'when'],
    ['トヨタとマツダはアラバマの工場にいくら投資した？', 'how-much'],
    ['投資額はどれくらい？', 'how-much'],
    ['日本企業は何人の雇用を支えている？', 'how-many'],
    ['国連は何回制裁を決議した？', 'how-many'],
    ['日本は何番目の投資国？', 'rank'],
    ['なぜ日本はF-35を買うの？', 'why'],
    ['安倍首相はトランプ大統領について何と言った？', 'quote'],
    ['2019年のファクトシートをまとめて', 'overview'],
    ['令和とはどういう意味ですか？', 'what'],
  ] as const)('GIVEN %s THEN it asks %s', (question, kind) => {
    expect(askedFor(question)).toBe(kind);
  });

  it('GIVEN a bare term THEN it asks nothing in particular', () => {
    expect(askedFor('令和')).toBeUndefined();
    expect(askedFor('安倍首相')).toBeUndefined();
  });

  it('GIVEN 何十億ドルも (billions of dollars) THEN it counts and does not ask: the question is どこ', () => {
    expect(askedFor('何十億ドルも投資してる日本の企業ってどこ？')).toBe('what');
    expect(askedFor('何十億ドル投資した？')).toBe('how-many');
  });

  it('GIVEN 何度も (repeatedly) THEN it is not a how-many question', () => {
    expect(askedFor('何度も会談した')).toBeUndefined();
  });
});
