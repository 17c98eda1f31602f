import { describe, expect, it } from 'vitest';

import { KizunaError } from '../../../src/core/errors.js';
import { messages, type MessageCatalogue } from '../../../src/core/language/messages.js';
import { validateQuestion } from '../../../src/core/service/validate-question.js';
import { EMPTY_MENTION_NOTICE, THREAD_WELCOME } from '../../../src/discord/conversation/handle-message.js';
import { Cooldowns } from '../../../src/discord/interactions/cooldowns.js';
import { assertAdmin } from '../../../src/discord/interactions/permissions.js';
import {
  GENERIC_FAILURE_NOTICE,
  PASSAGE_GONE_NOTICE,
  UNKNOWN_BUTTON_NOTICE,
  UNKNOWN_COMMAND_NOTICE,
} from '../../../src/discord/interactions/user-notices.js';
import { SOURCES_FIELD_NAME } from '../../../src/discord/presentation/answer-message.js';

function thrown(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof KizunaError) return error.message;
    throw error;
  }
  throw new Error('expected a KizunaError');
}

const en = messages('en');
const ja = messages('ja');

describe("messages('en') says exactly what Kizuna says today", () => {
  it.each([
    [[], 2],
    [['Trans-Pacific Partnership'], 2],
    [['Okinawa', 'population', '1999'], 2],
    [['a', 'b', 'c', 'd'], 3],
  ] as const)('GIVEN missing %j THEN the refusal names at most three of them', (missing, count) => {
    const refusal = en.refusal(missing, count);
    expect(refusal).toMatch(/^The fact sheets don't (mention|cover)/);
    expect(refusal).not.toContain('“d”');
  });

  it('GIVEN the closest-passage case THEN it says what the sheets do not say before the passage', () => {
    expect(en.closestPassage(['city'])).toBe(
      "The fact sheets don't say anything about “city”. The closest they come:",
    );
    expect(en.closestPassage([], 'quantity')).toBe(
      "The fact sheets don't give that number. The closest they come:",
    );
  });

  it('GIVEN the validation, notice, cooldown and permission messages THEN each equals the original', () => {
    expect(en.invalidInput).toBe(thrown(() => validateQuestion(42, 500)));
    expect(en.emptyQuestion).toBe(thrown(() => validateQuestion('  ', 500)));
    expect(en.questionTooLong(12, 10)).toBe(thrown(() => validateQuestion('x'.repeat(12), 10)));
    expect([en.genericFailure, en.passageGone, en.unknownCommand, en.unknownButton]).toEqual([
      GENERIC_FAILURE_NOTICE,
      PASSAGE_GONE_NOTICE,
      UNKNOWN_COMMAND_NOTICE,
      UNKNOWN_BUTTON_NOTICE,
    ]);
    expect([en.threadWelcome, en.emptyMention, en.sources]).toEqual([
      THREAD_WELCOME,
      EMPTY_MENTION_NOTICE,
      SOURCES_FIELD_NAME,
    ]);

    let now = 0;
    const cooldowns = new Cooldowns(() => now);
    cooldowns.acquire('u', 'ask', 5);
    expect(en.cooldownBusy).toBe(thrown(() => cooldowns.acquire('u', 'ask', 5)));
    now = 1000;
    const cooldownsAfter = new Cooldowns(() => now);
    cooldownsAfter.acquire('v', 'ask', 5).release();
    now = 2000;
    expect(en.cooldownWait(4, '4.0 s')).toBe(thrown(() => cooldownsAfter.acquire('v', 'ask', 5)));

    const lists = { adminRoleIds: [], adminUserIds: [] };
    expect(en.adminOnlyInServer).toBe(
      thrown(() => assertAdmin({ userId: 'u', inGuild: false, permissions: undefined, roleIds: [] }, lists)),
    );
    expect(en.adminOnly).toBe(
      thrown(() => assertAdmin({ userId: 'u', inGuild: true, permissions: 0n, roleIds: [] }, lists)),
    );
  });

  it('GIVEN an answer THEN English adds no lead-in and no quote framing', () => {
    expect(en.answerLeadIn('how-much')).toBe('');
    expect(en.quoteFraming('President Donald J. Trump')).toBe('');
  });
});

describe("messages('ja')", () => {
  it('GIVEN an answer THEN the lead-in says the English original follows, worded by question type', () => {
    expect(ja.answerLeadIn()).toBe('ファクトシートには次のようにあります（英語の原文）：');
    expect(ja.answerLeadIn('how-much')).toContain('金額');
    expect(ja.answerLeadIn('quote')).toContain('発言');
  });

  it('GIVEN missing terms THEN the refusal names them in Japanese brackets', () => {
    expect(ja.refusal(['沖縄'], 2)).toBe(
      'ファクトシートには「沖縄」についての記述はありません。私は日米同盟に関する2つのホワイトハウスのファクトシートだけをもとにお答えしています。',
    );
    expect(ja.refusal(['沖縄', 'TPP'], 2)).toContain('「沖縄」または「TPP」');
  });

  it('GIVEN the closest-passage case THEN it says the sheets do not say that, then introduces the passage', () => {
    expect(ja.closestPassage(['防衛費'])).toBe(
      'ファクトシートには「防衛費」についてそのようには書かれていません。最も近い記述（英語の原文）：',
    );
  });

  it('GIVEN a cooldown THEN the wait is in Japanese units', () => {
    expect(ja.cooldownWait(5, '5.0 s')).toBe('あと5秒待ってから、もう一度質問してください。');
    expect(ja.cooldownWait(64, '1 min 4 s')).toContain('1分4秒');
  });

  it('GIVEN labels THEN they are Japanese', () => {
    expect([ja.sources, ja.passageButton(2), ja.showPassage, ja.status.title]).toEqual([
      '出典',
      '原文 [2]',
      '原文を表示',
      'Kizunaの状態',
    ]);
  });

  it('GIVEN thanks or a request for help THEN the small-talk reply fits it', () => {
    expect(en.chitChat(2, 'thanks')).toMatch(/^You're welcome!/);
    expect(en.chitChat(2, 'help')).toContain('follow-up');
    expect(ja.chitChat(2, 'thanks')).toMatch(/^どういたしまして/);
    expect(ja.chitChat(2, 'help')).toContain('もっと詳しく');
  });

  it('GIVEN small talk THEN the reply says "two" sheets only when there are two', () => {
    expect(en.chitChat(2)).toContain('from the two White House fact sheets');
    expect(en.chitChat(3)).toContain('from White House fact sheets');
    expect(ja.chitChat(2)).toContain('2つの');
    expect(ja.chitChat(3)).not.toContain('2つの');
  });

  it('GIVEN every message THEN none is empty, except English-only-empty lead-ins', () => {
    const sample = (catalogue: MessageCatalogue): string[] => [
      catalogue.refusal([], 2),
      catalogue.noTopic(),
      catalogue.chitChat(2),
      catalogue.closestPassage([]),
      catalogue.cooldownBusy,
      catalogue.emptyQuestion,
      catalogue.sourcesTitle,
      catalogue.sourcesSummary(2, 45),
      catalogue.status.reloadFailed('now', 'boom'),
    ];
    for (const text of [...sample(en), ...sample(ja)]) expect(text.trim()).not.toBe('');
  });
});

describe('the unsupported-language reply', () => {
  it('GIVEN either catalogue THEN it is the same text, in English and in Japanese', () => {
    const reply = en.unsupportedLanguage('French');
    expect(ja.unsupportedLanguage('French')).toBe(reply);
    expect(reply).toMatch(/^Your question looks like French\. I can answer in English or Japanese/);
    expect(reply).toContain('英語または日本語でお答えします');
  });
});
