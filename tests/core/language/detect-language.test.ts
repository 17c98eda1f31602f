import { describe, expect, it } from 'vitest';

import { detectLanguage, isUnsupported } from '../../../src/core/language/detect-language.js';
import { CASUAL_ENGLISH_QUESTIONS } from './casual-english-questions.js';
import { FOREIGN_QUESTIONS } from './foreign-questions.js';

describe('detectLanguage', () => {
  describe('GIVEN Japanese', () => {
    it.each([
      '令和とはどういう意味ですか？',
      'トヨタとマツダはアラバマの工場にいくら投資した？',
      '北朝鮮による拉致被害者の家族に会ったのは誰？',
      'F-35について教えて',
      'Reiwaってなに',
      'NASAの月探査は？',
    ])('THEN %s is Japanese (kana)', (text) => {
      expect(detectLanguage(text)).toBe('ja');
    });

    it.each(['安倍首相', 'トランプ大統領', '令和', '天皇陛下', '北朝鮮', '国連', '85万', '16億ドル'])(
      'THEN the bare term %s is Japanese, kana or not',
      (text) => {
        expect(detectLanguage(text)).toBe('ja');
      },
    );
  });

  describe('GIVEN English', () => {
    it.each(['yo whats the deal w the F-35s', 'thx', 'Reiwa?', 'What does Reiwa mean?'])(
      'THEN %s stays English',
      (text) => {
        expect(detectLanguage(text)).toBe('en');
      },
    );

    it('THEN a Japanese word or two inside an English question keeps it English', () => {
      expect(detectLanguage('what does 令和 mean?')).toBe('en');
      expect(detectLanguage('Was the 2019 visit about trade?')).toBe('en');
    });

    it('THEN empty or number-only text counts as English (the English validation handles it)', () => {
      expect(detectLanguage('')).toBe('en');
      expect(detectLanguage('   ')).toBe('en');
      expect(detectLanguage('850000?')).toBe('en');
    });

    it(`THEN none of ${CASUAL_ENGLISH_QUESTIONS.length} casual English questions is a false positive`, () => {
      const falsePositives = CASUAL_ENGLISH_QUESTIONS.filter((question) => detectLanguage(question) !== 'en');
      expect(falsePositives).toEqual([]);
    });
  });

  describe('GIVEN another language', () => {
    it('THEN "Que signifie Reiwa ?" is French, not English with unknown words', () => {
      expect(detectLanguage('Que signifie Reiwa ?')).toEqual({ unsupported: 'French', code: 'fr' });
    });

    it('THEN Chinese written in Han characters only is told from Japanese', () => {
      expect(detectLanguage('令和是什么意思？')).toEqual({ unsupported: 'Chinese', code: 'zh' });
    });

    it('THEN Japanese typed in rōmaji is named so, not read as English words ("nani", "imi")', () => {
      expect(detectLanguage('reiwa tte nani')).toEqual({
        unsupported: 'Japanese in rōmaji (Latin letters)',
        code: 'ja-Latn',
      });
      expect(detectLanguage('reiwa ha dou iu imi desu ka')).toMatchObject({ code: 'ja-Latn' });
      expect(detectLanguage("nihon's new era meaning??")).toBe('en');
    });

    it('THEN English typed with a Dutch-looking slip ("wat") stays English', () => {
      expect(detectLanguage('wat does reiwa meen in englsh')).toBe('en');
      expect(detectLanguage('wat is reiwa')).toBe('en');
    });

    it('THEN German "Was bedeutet…" counts "was" as German, not English', () => {
      expect(detectLanguage('Was bedeutet Reiwa?')).toEqual({ unsupported: 'German', code: 'de' });
    });

    it(`THEN each of ${FOREIGN_QUESTIONS.length} foreign questions is named correctly`, () => {
      const named = FOREIGN_QUESTIONS.map(({ text }) => {
        const language = detectLanguage(text);
        return isUnsupported(language) ? language.unsupported : language;
      });
      expect(named).toEqual(FOREIGN_QUESTIONS.map(({ language }) => language));
    });
  });
});
