import { ButtonStyle, ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { communityMessages } from '../../../src/discord/community/community-messages.js';
import { decorateAnswer } from '../../../src/discord/community/decorate-answer.js';
import {
  feedbackCustomId,
  parseFeedbackCustomId,
} from '../../../src/discord/community/feedback-custom-id.js';
import { passageButtonRows } from '../../../src/discord/presentation/passage-buttons.js';
import type { OutgoingMessage } from '../../../src/discord/presentation/outgoing-message.js';
import { toPlainTextMessages } from '../../../src/discord/presentation/plain-text-message.js';

const say = communityMessages('en');
const answer = (rows = 1): OutgoingMessage[] => [
  { embeds: [{ description: 'part one' }], allowedMentions: { parse: [], repliedUser: false } },
  {
    embeds: [{ description: 'part two [1]', footer: { text: 'From the fact sheets · extractive' } }],
    components: passageButtonRows(
      Array.from({ length: rows * 5 }, (_, i) => ({ label: `Passage [${i + 1}]`, passageId: `doc#${i}` })),
    ),
    allowedMentions: { parse: [], repliedUser: false },
  },
];

describe('decorateAnswer', () => {
  it('GIVEN a recorded answer THEN its last message gets a 👍/👎 row after the passage buttons', () => {
    const [first, last] = decorateAnswer(answer(), { answerId: 'abc123', say });
    expect(first?.components).toBeUndefined();
    expect(last?.components).toHaveLength(2);
    expect(last?.components?.[1]).toEqual({
      type: ComponentType.ActionRow,
      components: [
        expect.objectContaining({
          style: ButtonStyle.Secondary,
          emoji: { name: '👍' },
          custom_id: 'feedback:up:abc123',
        }),
        expect.objectContaining({ emoji: { name: '👎' }, custom_id: 'feedback:down:abc123' }),
      ],
    });
  });

  it('GIVEN five rows of passage buttons THEN the last passage row gives way, staying within Discord’s five rows', () => {
    const [, last] = decorateAnswer(answer(5), { answerId: 'abc123', say });
    expect(last?.components).toHaveLength(5);
    expect(JSON.stringify(last?.components?.[4])).toContain('feedback:up:abc123');
  });

  it('GIVEN a server footer THEN it goes under the answer’s own footer, mentions neutralised, and survives as plain text', () => {
    const decorated = decorateAnswer(answer(), { footer: 'Ask a human in #help @everyone', say });
    expect(decorated[1]?.embeds?.[0]?.footer?.text).toBe(
      'From the fact sheets · extractive\nAsk a human in #help @\u200beveryone',
    );
    expect(decorated[1]?.components).toHaveLength(1);
    expect(toPlainTextMessages(decorated).at(-1)?.content).toContain('-# Ask a human in #help');
  });

  it('GIVEN no answer id (nothing recorded here) and no footer THEN the messages are unchanged', () => {
    expect(decorateAnswer(answer(), { say })).toEqual(answer());
  });
});

describe('feedback custom ids', () => {
  it('round-trip, and anything else is not feedback', () => {
    expect(parseFeedbackCustomId(feedbackCustomId('down', 'Xy_-9'))).toEqual({
      action: 'down',
      answerId: 'Xy_-9',
    });
    expect(parseFeedbackCustomId('passage:doc#1')).toBeUndefined();
    expect(parseFeedbackCustomId('feedback:sideways:abc')).toBeUndefined();
  });
});
