import BetterSqlite3 from 'better-sqlite3';
import { ChannelType, PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseStorageConfig } from '../../../src/config/load-storage-config.js';
import type { Answer, AskRequest } from '../../../src/core/types.js';
import { silentLogger } from '../../../src/core/logger.js';
import { CommunityStore } from '../../../src/storage/community-store.js';
import { ENGINES, testDatabases, type TestDatabases } from '../../support/databases/test-databases.js';
import { botAnswerIn } from '../support/bot-answer.js';
import { startBotOnSimulator, type BotOnSimulator } from '../support/bot-on-simulator.js';
import { createFakeCore, defaultFakeAnswer } from '../../support/fake-core.js';
import { buttonIds, messageText } from '../support/message-text.js';

const MANAGE_SERVER = String(PermissionFlagsBits.ManageGuild);
const MEMBER = String(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel);

/** The fake core's answer, except honest refusals naming what the sheets never mention. */
function answerFor(request: AskRequest): Answer {
  const missing = ['Okinawa', 'TPP'].find((term) => request.question.includes(term));
  if (missing === undefined) return defaultFakeAnswer(request);
  return {
    ...defaultFakeAnswer(request),
    answered: false,
    outcome: 'not-covered',
    text: `The fact sheets don't mention ${missing}.`,
    citations: [],
    missingTerms: [missing],
  };
}

const feedbackIds = (message: APIMessage): { up: string; down: string } => {
  const ids = buttonIds(message);
  return {
    up: ids.find((id) => id.startsWith('feedback:up:')) ?? '',
    down: ids.find((id) => id.startsWith('feedback:down:')) ?? '',
  };
};

describe.each(ENGINES)('GIVEN Kizuna on Discord with %s storage', (engine) => {
  let databases: TestDatabases;
  let storageEnv: Record<string, string>;
  let community: CommunityStore;
  let env: BotOnSimulator;

  const openCommunity = (): Promise<CommunityStore> =>
    CommunityStore.open(parseStorageConfig(storageEnv), silentLogger, { settingsTtlMs: 1000 });
  const ask = async (question: string, user = env.sim.defaultUser): Promise<APIMessage> =>
    env.sim.userRunsCommand({ name: 'ask', options: { question }, user }).finalMessage();
  const admin = (name: string, subcommand?: string, options?: Record<string, string | number | boolean>) =>
    env.sim.userRunsCommand({
      name,
      memberPermissions: MANAGE_SERVER,
      ...(subcommand ? { subcommand } : {}),
      ...(options ? { options } : {}),
    });

  beforeAll(async () => {
    databases = testDatabases(engine);
    storageEnv = await databases.freshEnv();
    community = await openCommunity();
    env = await startBotOnSimulator({
      core: createFakeCore({ answer: answerFor }),
      env: storageEnv,
      bot: { community },
    });
  }, 60_000);
  afterAll(async () => {
    await env?.stop();
    await community?.close();
    await databases?.cleanup();
  });

  describe('WHEN a member rates an answer', () => {
    it('THEN 👍 is saved and acknowledged privately ("Thanks — noted")', async () => {
      const answer = await ask('What does Reiwa mean?');
      const { up, down } = feedbackIds(answer);
      expect(up).not.toBe('');
      expect(down).not.toBe('');
      const click = env.sim.userClicksButton(answer, up);
      const reply = await click.finalMessage();
      expect(click.isEphemeral()).toBe(true);
      expect(reply.content).toBe('Thanks — noted.');
      const report = await community.gaps({ guildId: env.sim.defaultGuildId, since: 0 });
      expect(report.totals.up).toBe(1);
    });

    it('THEN 👎 opens a modal asking what was wrong, and the reason and comment are saved', async () => {
      const answer = await ask('What did the 2018 sheet say about jobs?');
      const click = env.sim.userClicksButton(answer, feedbackIds(answer).down);
      await click.awaitResponse();
      expect(JSON.stringify(click.modal())).toContain('Wrong source');
      const submit = env.sim.userSubmitsModal(click, {
        reason: 'wrong-source',
        comment: 'That was the 2019 sheet',
      });
      expect((await submit.finalMessage()).content).toBe('Thanks — noted.');
      expect(submit.isEphemeral()).toBe(true);
      const report = await community.gaps({ guildId: env.sim.defaultGuildId, since: 0 });
      expect(report.disliked[0]).toMatchObject({
        question: 'What did the 2018 sheet say about jobs?',
        downs: 1,
        reasons: { 'wrong-source': 1 },
        comments: ['That was the 2019 sheet'],
      });
    });

    it('THEN voting again changes the vote: one vote per person per answer', async () => {
      const answer = await ask('Who visited Japan in 2019?');
      const { up, down } = feedbackIds(answer);
      const before = (await community.gaps({ guildId: env.sim.defaultGuildId, since: 0 })).totals;
      await env.sim.userClicksButton(answer, up).finalMessage();
      await env.sim.userClicksButton(answer, up).finalMessage();
      const click = env.sim.userClicksButton(answer, down);
      await click.awaitResponse();
      await env.sim.userSubmitsModal(click, { reason: 'wrong-facts' }).finalMessage();
      const after = (await community.gaps({ guildId: env.sim.defaultGuildId, since: 0 })).totals;
      expect(after.up - before.up).toBe(0);
      expect(after.down - before.down).toBe(1);
    });

    it('THEN answers to mentions and in threads carry the buttons too', async () => {
      const question = await env.sim.userSendsMessage({ content: 'what about trade?', mentionsBot: true });
      const answer = await botAnswerIn(env.sim, env.sim.defaultChannelId, question);
      expect(feedbackIds(answer).up).not.toBe('');
      await env.sim.waitFor(
        () => env.sim.threads().find((thread) => thread.id === answer.id),
        5000,
        'thread',
      );
      const followUp = await env.sim.userSendsMessage({ channelId: answer.id, content: 'and in 2019?' });
      const inThread = await botAnswerIn(env.sim, answer.id, followUp);
      expect(feedbackIds(inThread).down).not.toBe('');
    });
  });

  describe('WHEN an admin runs /gaps after answered and refused questions', () => {
    it('THEN it lists the refused questions by what was missing, the 👎 answers and the totals, privately', async () => {
      await ask('Is Okinawa mentioned?');
      await ask('What about Okinawa bases?');
      await ask('Is Japan in the TPP?');
      const run = admin('gaps', undefined, { days: 7 });
      const text = messageText(await run.finalMessage());
      expect(run.isEphemeral()).toBe(true);
      expect(text).toContain('Coverage gaps — last 7 days');
      expect(text).toMatch(/\*\*okinawa\*\* ×2/u);
      expect(text).toMatch(/\*\*tpp\*\* ×1/u);
      expect(text).toContain('Refused 3');
      expect(text).toMatch(/Asked \d+ · Answered \d+ · Refused 3 · 👍 1 · 👎 2/u);
      expect(text).toContain('Wrong source ×1');
      expect(text).toContain('That was the 2019 sheet');
    });

    it('THEN a member without admin rights is refused /gaps and /settings', async () => {
      for (const name of ['gaps', 'settings']) {
        const run = env.sim.userRunsCommand({
          name,
          memberPermissions: MEMBER,
          subcommand: name === 'settings' ? 'show' : undefined,
        });
        const message = await run.finalMessage();
        expect(run.isEphemeral()).toBe(true);
        expect(message.content).toMatch(/server admins/u);
      }
    });
  });

  describe('WHEN an admin adds answer channels with /settings', () => {
    let askHere: string;
    let forum: string;

    beforeAll(() => {
      askHere = env.sim.createChannel(env.sim.defaultGuildId, { name: 'ask-kizuna' }).id;
      forum = env.sim.createChannel(env.sim.defaultGuildId, {
        name: 'questions',
        type: ChannelType.GuildForum,
      }).id;
    });

    it('THEN a plain message there is answered without a mention', async () => {
      const before = await env.sim.userSendsMessage({ channelId: askHere, content: 'What does Reiwa mean?' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(env.sim.messages(askHere).filter((message) => message.author.id === env.sim.botUserId)).toEqual(
        [],
      );
      expect(before.id).toBeTruthy();

      const run = admin('settings', 'add-channel', { channel: askHere });
      expect(messageText(await run.finalMessage())).toContain(`<#${askHere}>`);
      const question = await env.sim.userSendsMessage({
        channelId: askHere,
        content: 'What does Reiwa mean?',
      });
      const answer = await botAnswerIn(env.sim, askHere, question);
      expect(answer.message_reference?.message_id).toBe(question.id);
      expect(feedbackIds(answer).up).not.toBe('');
    });

    it('THEN a new forum post is answered in its thread', async () => {
      await admin('settings', 'add-channel', { channel: forum }).finalMessage();
      const post = await env.sim.userCreatesForumPost({
        channelId: forum,
        title: 'Reiwa?',
        content: 'What does Reiwa mean?',
      });
      const answer = await env.sim.waitFor(
        () =>
          env.sim
            .messages(post.id)
            .find((message) => message.author.id === env.sim.botUserId && message.embeds.length > 0),
        5000,
        'an answer in the forum post',
      );
      expect(answer.channel_id).toBe(post.id);
      expect(answer.message_reference?.message_id).toBe(post.id);
    });

    it('THEN the footer, reply language and threads settings apply to the next answer at once', async () => {
      await admin('settings', 'footer', { text: 'Not official advice — ask in #help' }).finalMessage();
      await admin('settings', 'threads', { enabled: false }).finalMessage();
      await admin('settings', 'language', { value: 'ja' }).finalMessage();
      const question = await env.sim.userSendsMessage({ content: 'what about defense?', mentionsBot: true });
      const answer = await botAnswerIn(env.sim, env.sim.defaultChannelId, question);
      expect(messageText(answer)).toContain('Not official advice — ask in #help');
      expect(env.core.asked.at(-1)?.language).toBe('ja');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(env.sim.threads().find((thread) => thread.id === answer.id)).toBeUndefined();
      await admin('settings', 'language', { value: 'auto' }).finalMessage();
      await admin('settings', 'threads', { enabled: true }).finalMessage();
    });

    it("THEN the server's cooldown applies to the next question at once, and clearing it restores the default", async () => {
      await admin('settings', 'cooldown', { seconds: 60 }).finalMessage();
      await ask('What does Reiwa mean?');
      const refused = await ask('And in 2019?');
      expect(refused.content).toMatch(/wait/iu);
      await admin('settings', 'cooldown').finalMessage();
      const show = messageText(await admin('settings', 'show').finalMessage());
      expect(show).toContain('0 s (default)');
    });

    it('THEN the settings survive a restart of the bot', async () => {
      await env.bot.stop();
      await community.close();
      community = await openCommunity();
      const restarted = await startBotOnSimulator({
        core: env.core,
        env: storageEnv,
        bot: { community },
        existingSimulator: env.sim,
        registerCommands: false,
      });
      env = {
        ...restarted,
        stop: async () => {
          await restarted.bot.stop();
          await env.sim.stop();
        },
      };
      const show = messageText(await admin('settings', 'show').finalMessage());
      expect(show).toContain(`<#${askHere}>`);
      expect(show).toContain(`<#${forum}>`);
      expect(show).toContain('Not official advice');
      const question = await env.sim.userSendsMessage({
        channelId: askHere,
        content: 'Who is the Prime Minister?',
      });
      await botAnswerIn(env.sim, askHere, question);
    });
  });

  describe('WHEN a member asks in a direct message', () => {
    it('THEN nothing is recorded and the answer carries no feedback buttons (the operator has not opted in)', async () => {
      const before = await community.aboutUser(env.sim.defaultUser.id);
      const answer = await env.sim
        .userRunsCommand({ name: 'ask', options: { question: 'What does Reiwa mean?' }, dm: true })
        .finalMessage();
      expect(messageText(answer)).toContain('[1]');
      expect(feedbackIds(answer).up).toBe('');
      expect(await community.aboutUser(env.sim.defaultUser.id)).toEqual(before);
    });
  });

  describe('WHEN a member uses /privacy', () => {
    it('THEN /privacy shows what is stored and why, and /privacy delete removes everything about them', async () => {
      const bob = env.sim.createUser({ username: 'bob-privacy' });
      env.sim.addMember(env.sim.defaultGuildId, bob);
      const answer = await ask('What does Reiwa mean?', bob);
      await env.sim.userClicksButton(answer, feedbackIds(answer).up, bob).finalMessage();
      const show = env.sim.userRunsCommand({ name: 'privacy', subcommand: 'show', user: bob });
      const shown = messageText(await show.finalMessage());
      expect(show.isEphemeral()).toBe(true);
      expect(shown).toContain('keyed hash');
      expect(shown).toContain('for 30 days');
      expect(shown).toContain('1 question (1 with text), 1 vote');
      const deletion = env.sim.userRunsCommand({ name: 'privacy', subcommand: 'delete', user: bob });
      expect((await deletion.finalMessage()).content).toContain(
        'Deleted everything stored about you: 1 question and 1 vote',
      );
      expect(await community.aboutUser(bob.id)).toEqual({ questions: 0, questionTexts: 0, votes: 0 });
      expect((await community.aboutUser(env.sim.defaultUser.id)).questions).toBeGreaterThan(0);
    });
  });

  describe('WHEN the database stops in the middle of the run', () => {
    it('THEN answers carry on, the buttons say feedback could not be saved, and /status says what is wrong', async () => {
      const restore = await stopDatabase(databases, storageEnv);
      try {
        const answer = await ask('What does Reiwa mean?');
        expect(messageText(answer)).toContain('[1]');
        const { up } = feedbackIds(answer);
        expect(up).not.toBe('');
        const click = env.sim.userClicksButton(answer, up);
        expect((await click.finalMessage({ timeoutMs: 8000 })).content).toMatch(/couldn't be saved/u);
        const status = messageText(await admin('status').finalMessage());
        expect(status).toMatch(/Storage\n.*FAILING/u);
        const mention = await env.sim.userSendsMessage({ content: 'what about trade?', mentionsBot: true });
        await botAnswerIn(env.sim, env.sim.defaultChannelId, mention);
      } finally {
        await restore();
      }
      const again = await ask('What does Reiwa mean?');
      const click = env.sim.userClicksButton(again, feedbackIds(again).up);
      expect((await click.finalMessage({ timeoutMs: 8000 })).content).toBe('Thanks — noted.');
    }, 60_000);
  });
});

/** PostgreSQL: the server is stopped. SQLite: another process holds an exclusive lock on the file. */
async function stopDatabase(
  databases: TestDatabases,
  storageEnv: Record<string, string>,
): Promise<() => Promise<void>> {
  if (databases.engine === 'postgres') {
    const server = databases.postgres!;
    await server.stopServer();
    return () => server.startServer();
  }
  const locker = new BetterSqlite3(storageEnv['DATABASE_FILE']);
  locker.exec('BEGIN EXCLUSIVE');
  return () => {
    locker.exec('COMMIT');
    locker.close();
    return Promise.resolve();
  };
}
