import { ChannelType, type Client, Events, GatewayIntentBits, type Message } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTestClient, nextEvent } from './connect-test-client.js';
import { type DiscordSimulator, startDiscordSimulator } from './index.js';

const clients: Client[] = [];
const simulators: DiscordSimulator[] = [];

async function start(options?: Parameters<typeof startDiscordSimulator>[0]): Promise<DiscordSimulator> {
  const sim = await startDiscordSimulator(options);
  simulators.push(sim);
  return sim;
}

async function connect(
  sim: DiscordSimulator,
  options?: Parameters<typeof connectTestClient>[1],
): Promise<Client<true>> {
  const client = await connectTestClient(sim, options);
  clients.push(client);
  return client;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await Promise.all(simulators.splice(0).map((sim) => sim.stop()));
});

describe('Discord simulator gateway', () => {
  it('brings a discord.js client to ready with its guild, typed channels and roles cached', async () => {
    const sim = await start({
      guilds: [
        {
          name: 'Alliance Desk',
          channels: [{ name: 'general' }, { name: 'voice', type: ChannelType.GuildVoice }],
        },
      ],
    });
    const client = await connect(sim);

    const guild = client.guilds.cache.get(sim.defaultGuildId);
    expect(guild?.name).toBe('Alliance Desk');
    expect(guild?.available).toBe(true);
    expect(client.channels.cache.get(sim.defaultChannelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.channels.cache.find((channel) => channel.name === 'voice')?.type).toBe(
      ChannelType.GuildVoice,
    );
    expect(guild?.roles.everyone.id).toBe(sim.defaultGuildId);
    expect(guild?.members.me?.id).toBe(sim.botUserId);
    expect(client.user.id).toBe(sim.botUserId);
    expect(client.application.id).toBe(sim.applicationId);
    expect(sim.identifies).toHaveLength(1);
    expect(sim.identifies[0]).toMatchObject({ shardId: 0, shardCount: 1, tokenValid: true });
    expect(sim.identifies[0]?.intents).toBe(
      GatewayIntentBits.Guilds |
        GatewayIntentBits.GuildMessages |
        GatewayIntentBits.DirectMessages |
        GatewayIntentBits.MessageContent,
    );
    expect(sim.unknownRequests).toEqual([]);
  });

  it('answers a wrong bot token with 401 like Discord', async () => {
    const sim = await start();
    const response = await fetch(`${sim.restUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot not-the-token' },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    expect(sim.requests[0]).toMatchObject({ auth: 'invalid', status: 401 });
    expect(sim.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it.each([
    ['a 4000 close', 4000],
    ['a dropped connection (1006)', 1006],
  ])('resumes after %s and replays a missed dispatch exactly once', async (_label, code) => {
    const sim = await start();
    const client = await connect(sim);
    const received: Message[] = [];
    client.on(Events.MessageCreate, (message) => received.push(message));

    await sim.disconnectShard(0, { resumable: true, code });
    await sim.userSendsMessage({ content: 'sent while the bot was away' });
    await sim.waitFor(() => sim.resumes.find((resume) => resume.resumed), 5000, 'a successful RESUME');
    await sim.waitForShardReady(0);
    await sim.userSendsMessage({ content: 'sent after the resume' });
    await sim.waitFor(() => received.length >= 2 || undefined, 3000, 'both messages');

    expect(received.map((message) => message.content)).toEqual([
      'sent while the bot was away',
      'sent after the resume',
    ]);
    expect(sim.resumes).toHaveLength(1);
    expect(sim.resumes[0]?.replayed).toBe(1);
    expect(sim.identifies).toHaveLength(1);
  });

  it('sends INVALID_SESSION when the session cannot be resumed, and the client identifies again', async () => {
    const sim = await start();
    const client = await connect(sim);

    await sim.disconnectShard(0, { resumable: false });
    await sim.waitFor(() => sim.identifies.length === 2 || undefined, 5000, 'a second IDENTIFY');
    await sim.waitForShardReady(0);
    const arrived = nextEvent<[Message]>(client, Events.MessageCreate);
    await sim.userSendsMessage({ content: 'after re-identify' });

    expect(sim.resumes[0]?.resumed).toBe(false);
    expect((await arrived)[0].content).toBe('after re-identify');
  });

  it('routes each guild to shard (guild_id >> 22) % count, so two shard clients see only their own guilds', async () => {
    const sim = await start({ shardCount: 2, guilds: [{ name: 'Even' }, { name: 'Odd' }] });
    const [evenGuild, oddGuild] = sim.guildIds as [string, string];
    expect(sim.shardForGuild(evenGuild)).toBe(0);
    expect(sim.shardForGuild(oddGuild)).toBe(1);

    const shard0 = await connect(sim, { shards: [0], shardCount: 2 });
    const shard1 = await connect(sim, { shards: [1], shardCount: 2 });

    expect([...shard0.guilds.cache.keys()]).toEqual([evenGuild]);
    expect([...shard1.guilds.cache.keys()]).toEqual([oddGuild]);
    expect(sim.identifies.map((identify) => [identify.shardId, identify.shardCount])).toEqual([
      [0, 2],
      [1, 2],
    ]);

    const oddChannel = sim.guildChannels(oddGuild).find((channel) => channel.type === ChannelType.GuildText);
    const seenByShard0: Message[] = [];
    shard0.on(Events.MessageCreate, (message) => seenByShard0.push(message));
    const seenByShard1 = nextEvent<[Message]>(shard1, Events.MessageCreate);
    const member = sim.createUser({ username: 'odd-member' });
    sim.addMember(oddGuild, member);
    await sim.userSendsMessage({
      channelId: oddChannel?.id ?? '',
      author: member,
      content: 'hello odd guild',
    });

    expect((await seenByShard1)[0].guildId).toBe(oddGuild);
    expect(seenByShard0).toEqual([]);
  });

  it('withholds message content from a client without the MessageContent intent unless the bot is mentioned', async () => {
    const sim = await start();
    const client = await connect(sim, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    });
    const received: Message[] = [];
    client.on(Events.MessageCreate, (message) => received.push(message));

    await sim.userSendsMessage({ content: 'plain chatter' });
    await sim.userSendsMessage({ content: 'what does the fact sheet say?', mentionsBot: true });
    await sim.waitFor(() => received.length >= 2 || undefined, 3000, 'two messages');

    expect(received[0]?.content).toBe('');
    expect(received[1]?.content).toBe(`<@${sim.botUserId}> what does the fact sheet say?`);
  });
});
