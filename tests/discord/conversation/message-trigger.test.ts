import { describe, expect, it } from 'vitest';

import {
  classifyMessage,
  stripBotMentions,
  type MessageFacts,
} from '../../../src/discord/conversation/message-trigger.js';

const BOT = '100000000000000001';
const facts = (overrides: Partial<MessageFacts>): MessageFacts => ({
  botUserId: BOT,
  fromBotOrSystem: false,
  content: 'hello',
  mentionsBot: false,
  repliesToBot: false,
  inThread: false,
  inBotThread: false,
  threadsAllowed: true,
  ...overrides,
});

describe('classifyMessage', () => {
  it('answers a mention in a channel as a new question that continues in a thread', () => {
    expect(classifyMessage(facts({ content: `<@${BOT}> what about trade?`, mentionsBot: true }))).toEqual({
      kind: 'question',
      question: 'what about trade?',
      startThread: true,
    });
  });

  it('answers a mention in a thread it did not start, without starting another thread', () => {
    expect(
      classifyMessage(facts({ content: `<@${BOT}> hi`, mentionsBot: true, inThread: true })),
    ).toMatchObject({
      kind: 'question',
      startThread: false,
    });
  });

  it('answers every message in its own thread as a follow-up, mention or not', () => {
    expect(classifyMessage(facts({ content: 'and in 2019?', inThread: true, inBotThread: true }))).toEqual({
      kind: 'thread-follow-up',
      question: 'and in 2019?',
    });
  });

  it('treats a reply to one of its messages as a follow-up', () => {
    expect(
      classifyMessage(facts({ content: 'and security?', repliesToBot: true, mentionsBot: true })),
    ).toEqual({
      kind: 'reply-follow-up',
      question: 'and security?',
    });
  });

  it('ignores bots (itself included), and messages that neither mention nor follow up', () => {
    expect(classifyMessage(facts({ fromBotOrSystem: true, mentionsBot: true, inBotThread: true }))).toEqual({
      kind: 'ignore',
    });
    expect(classifyMessage(facts({ content: 'just chatting' }))).toEqual({ kind: 'ignore' });
    expect(classifyMessage(facts({ content: 'chatting in a thread', inThread: true }))).toEqual({
      kind: 'ignore',
    });
  });
});

describe('classifyMessage in an answer channel (/settings add-channel)', () => {
  it('answers a plain message there as a question, without a mention and without a thread', () => {
    expect(classifyMessage(facts({ content: 'What does Reiwa mean?', inAnswerChannel: true }))).toEqual({
      kind: 'question',
      question: 'What does Reiwa mean?',
      startThread: false,
    });
  });

  it('still ignores bots and system messages there', () => {
    expect(classifyMessage(facts({ inAnswerChannel: true, fromBotOrSystem: true }))).toEqual({
      kind: 'ignore',
    });
  });
});

describe('stripBotMentions', () => {
  it('removes both mention forms and leading punctuation, keeping other mentions', () => {
    expect(stripBotMentions(`<@!${BOT}>, what did <@200000000000000002> say?`, BOT)).toBe(
      'what did <@200000000000000002> say?',
    );
    expect(stripBotMentions(`<@${BOT}>`, BOT)).toBe('');
  });
});

describe("GIVEN a mention of the bot's managed role", () => {
  const ROLE = '200000000000000002';

  it('THEN the role mention is removed from the question like a user mention', () => {
    expect(stripBotMentions(`<@&${ROLE}> what does Reiwa mean?`, BOT, [ROLE])).toBe('what does Reiwa mean?');
  });

  it('THEN the message is a new question, exactly as with a user mention', () => {
    const byRole = classifyMessage(
      facts({ content: `<@&${ROLE}> what does Reiwa mean?`, mentionsBot: true, botRoleIds: [ROLE] }),
    );
    const byUser = classifyMessage(facts({ content: `<@${BOT}> what does Reiwa mean?`, mentionsBot: true }));
    expect(byRole).toEqual(byUser);
  });

  it('THEN other roles are left in the question', () => {
    expect(stripBotMentions('<@&999999999999999999> hi', BOT, [ROLE])).toBe('<@&999999999999999999> hi');
  });
});
