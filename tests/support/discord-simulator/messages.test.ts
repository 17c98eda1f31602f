import {
  ChannelType,
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  type Message,
  PermissionFlagsBits,
  type TextChannel,
  type ThreadChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTestClient, nextEvent } from './connect-test-client.js';
import { type DiscordSimulator, startDiscordSimulator } from './index.js';

const clients: Client[] = [];
const simulators: DiscordSimulator[] = [];

async function setUp(): Promise<{ sim: DiscordSimulator; client: Client<true>; channel: TextChannel }> {
  const sim = await startDiscordSimulator();
  simulators.push(sim);
  const client = await connectTestClient(sim);
  clients.push(client);
  return { sim, client, channel: client.channels.cache.get(sim.defaultChannelId) as TextChannel };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await Promise.all(simulators.splice(0).map((sim) => sim.stop()));
});

describe('Discord simulator messages', () => {
  it('delivers a human message as messageCreate with author, member and bot mention', async () => {
    const { sim, client } = await setUp();
    const arrived = nextEvent<[Message]>(client, Events.MessageCreate);

    await sim.userSendsMessage({ content: 'what is the alliance about?', mentionsBot: true });
    const [message] = await arrived;

    expect(message.author.id).toBe(sim.defaultUser.id);
    expect(message.author.bot).toBe(false);
    expect(message.member?.id).toBe(sim.defaultUser.id);
    expect(message.guildId).toBe(sim.defaultGuildId);
    expect(message.mentions.users.has(sim.botUserId)).toBe(true);
    expect(message.mentions.has(client.user)).toBe(true);
    expect(message.content).toBe(`<@${sim.botUserId}> what is the alliance about?`);
  });

  it('fills message_reference and referenced_message for a reply, pinging the replied author', async () => {
    const { sim, client, channel } = await setUp();
    const botMessage = await channel.send('an earlier answer');
    const arrived = nextEvent<[Message]>(
      client,
      Events.MessageCreate,
      (message) => message.author.id !== sim.botUserId,
    );

    await sim.userSendsMessage({ content: 'tell me more', replyTo: botMessage.id });
    const [reply] = await arrived;

    expect(reply.reference?.messageId).toBe(botMessage.id);
    expect(reply.mentions.repliedUser?.id).toBe(sim.botUserId);
    expect(reply.mentions.users.has(sim.botUserId)).toBe(true);
    expect((await reply.fetchReference()).content).toBe('an earlier answer');
  });

  it("stores the bot's message, answers with a full message object and echoes MESSAGE_CREATE", async () => {
    const { sim, client, channel } = await setUp();
    const echoed = nextEvent<[Message]>(client, Events.MessageCreate);

    const sent = await channel.send({
      content: 'Answer [1]',
      embeds: [new EmbedBuilder().setTitle('Sources').setDescription('[1] Fact sheet')],
    });

    expect(sent.author.id).toBe(sim.botUserId);
    expect(sent.embeds[0]?.title).toBe('Sources');
    expect((await echoed)[0].id).toBe(sent.id);
    expect(sim.messages(sim.defaultChannelId).map((message) => message.content)).toEqual(['Answer [1]']);
  });

  it('rejects a message over 2000 characters with 400 Invalid Form Body (50035)', async () => {
    const { sim, channel } = await setUp();

    const error = await channel.send('x'.repeat(2001)).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).status).toBe(400);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });
    expect(sim.messages(sim.defaultChannelId)).toEqual([]);
  });

  it('rejects embeds over their limits, naming the offending field', async () => {
    const { channel } = await setUp();

    const tooLongTitle = await channel
      .send({ embeds: [{ title: 't'.repeat(257) }] })
      .catch((caught: unknown) => caught);
    const tooManyFields = await channel
      .send({
        embeds: [
          {
            description: 'd',
            fields: Array.from({ length: 26 }, (_, index) => ({ name: `f${index}`, value: 'v' })),
          },
        ],
      })
      .catch((caught: unknown) => caught);
    const tooMuchText = await channel
      .send({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2500) }] })
      .catch((caught: unknown) => caught);

    expect((tooLongTitle as DiscordAPIError).rawError).toMatchObject({
      errors: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });
    expect((tooManyFields as DiscordAPIError).rawError).toMatchObject({
      errors: { embeds: { 0: { fields: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });
    expect((tooMuchText as DiscordAPIError).rawError).toMatchObject({
      errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    });
  });

  it('records allowed_mentions exactly as the bot sent them, and only resolves allowed mentions', async () => {
    const { sim, channel } = await setUp();

    const sent = await channel.send({
      content: `<@${sim.defaultUser.id}> see above`,
      allowedMentions: { parse: [] },
    });

    const request = await sim.waitForRequest(
      (candidate) =>
        candidate.method === 'POST' && candidate.path === `/channels/${sim.defaultChannelId}/messages`,
    );
    expect(request.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(request.auth).toBe('bot');
    expect(sent.mentions.users.size).toBe(0);
  });

  it('starts a thread from a message (thread id = message id, type 11, parent set) and dispatches THREAD_CREATE', async () => {
    const { sim, client, channel } = await setUp();
    const question = await sim.userSendsMessage({ content: 'a question worth a thread', mentionsBot: true });
    const created = nextEvent<[ThreadChannel, boolean]>(client, Events.ThreadCreate);

    const starter = await channel.messages.fetch(question.id);
    const thread = await starter.startThread({ name: 'Alliance Q&A' });
    await thread.join();
    await thread.send('threaded answer');

    const [announced, newlyCreated] = await created;
    expect(announced.id).toBe(question.id);
    expect(newlyCreated).toBe(true);
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(thread.parentId).toBe(sim.defaultChannelId);
    expect(sim.threads().map((stored) => stored.id)).toEqual([question.id]);
    expect(sim.messages(thread.id).map((message) => message.content)).toEqual(['threaded answer']);
    expect(sim.unknownRequests).toEqual([]);
  });

  it('pages channel history newest first with limit and before', async () => {
    const { sim, channel } = await setUp();
    for (const content of ['one', 'two', 'three', 'four']) await sim.userSendsMessage({ content });
    const [, , third] = sim.messages(sim.defaultChannelId);

    const latestTwo = await channel.messages.fetch({ limit: 2, cache: false });
    const beforeThird = await channel.messages.fetch({ limit: 10, before: third?.id ?? '', cache: false });

    expect([...latestTwo.values()].map((message) => message.content)).toEqual(['four', 'three']);
    expect([...beforeThird.values()].map((message) => message.content)).toEqual(['two', 'one']);
  });

  it('answers unknown routes with 404 JSON and lists them in unknownRequests', async () => {
    const { sim, client } = await setUp();

    const error = await client.rest.get('/guilds/123/audit-logs').catch((caught: unknown) => caught);

    expect((error as DiscordAPIError).status).toBe(404);
    expect(sim.unknownRequests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /guilds/123/audit-logs',
    ]);
  });

  it('refuses to post where the bot lacks Send Messages (403, 50013)', async () => {
    const viewOnly = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.ReadMessageHistory;
    const sim = await startDiscordSimulator({
      guilds: [{ everyonePermissions: viewOnly, botPermissions: viewOnly }],
    });
    simulators.push(sim);
    const client = await connectTestClient(sim);
    clients.push(client);

    const error = await (client.channels.cache.get(sim.defaultChannelId) as TextChannel)
      .send('hello')
      .catch((caught: unknown) => caught);

    expect((error as DiscordAPIError).status).toBe(403);
    expect((error as DiscordAPIError).code).toBe(50013);
  });

  it('accepts multipart uploads, turning files into attachments and recording their names', async () => {
    const { sim, channel } = await setUp();

    const sent = await channel.send({
      content: 'sources attached',
      files: [{ attachment: Buffer.from('fact sheet text'), name: 'sources.txt' }],
    });

    const request = await sim.waitForRequest(
      (candidate) => candidate.method === 'POST' && candidate.files.length > 0,
    );
    expect(request.files).toEqual(['sources.txt']);
    expect(request.body).toMatchObject({ content: 'sources attached' });
    expect(sent.attachments.first()?.name).toBe('sources.txt');
    expect(sent.attachments.first()?.size).toBe('fact sheet text'.length);
  });
});
