import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIChannel, APIMessage, APIUser } from 'discord.js';
import { CommandRegistry } from './application-commands.js';
import { GatewayServer } from './gateway.js';
import { componentOptions, InteractionService } from './interactions.js';
import { MessageStore } from './messages.js';
import { toPermissionBits } from './permissions.js';
import { buildRoutes } from './rest-routes.js';
import { RestServer } from './rest-server.js';
import { shardOfGuild } from './snowflake.js';
import type {
  DiscordSimulator,
  DiscordSimulatorOptions,
  InteractionHandle,
  SimGuildSpec,
  Snowflake,
  UserMessageOptions,
} from './types.js';
import { World } from './world.js';

/** @default token accepted by the simulator: shaped like a real one (base64 id . timestamp . hmac). */
function makeToken(botUserId: Snowflake): string {
  return `${Buffer.from(botUserId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`;
}

/**
 * Starts a simulator (REST + gateway on 127.0.0.1, random port). Always `await sim.stop()` afterwards.
 */
export async function startDiscordSimulator(
  options: DiscordSimulatorOptions = {},
): Promise<DiscordSimulator> {
  const shardCount = options.shardCount ?? 1;
  if (!Number.isInteger(shardCount) || shardCount < 1)
    throw new Error('Discord simulator: shardCount must be a positive integer');
  const world = new World();
  world.botUser = world.createUser({ username: 'Kizuna', ...options.botUser, bot: true });
  const applicationId = options.applicationId ?? world.ids.next();
  const token = options.token ?? makeToken(world.botUser.id);
  const applicationFlags = options.applicationFlags ?? 0;

  // Guild owners are a separate account so the default user has ordinary, not owner, permissions.
  const owner = world.createUser({ username: 'guild-owner' });
  const defaultUser = world.createUser({ username: 'alice', globalName: 'Alice' });
  const guildSpecs: SimGuildSpec[] = options.guilds ?? [{ name: 'Test Guild' }];
  if (guildSpecs.length === 0) throw new Error('Discord simulator: at least one guild is needed');
  const guildIds = guildSpecs.map((spec, index) =>
    seedGuild(world, spec, index, shardCount, owner, defaultUser),
  );
  const defaultGuildId = guildIds[0] as Snowflake;
  const defaultChannel = [...world.channels.values()].find(
    (channel) => channel['guild_id'] === defaultGuildId && channel['type'] === 0,
  );
  const defaultChannelId = String(
    defaultChannel?.['id'] ??
      [...world.channels.values()].find((channel) => channel['guild_id'] === defaultGuildId)?.['id'],
  );

  const messages = new MessageStore(world);
  const commands = new CommandRegistry(world, applicationId);
  const interactions = new InteractionService(world, messages, commands, {
    applicationId,
    ackTimeoutMs: options.ackTimeoutMs ?? 3000,
    defaultUser: () => defaultUser,
    defaultGuildId: () => defaultGuildId,
    defaultChannelId: () => defaultChannelId,
  });

  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new GatewayServer({
    world,
    token,
    applicationId,
    applicationFlags,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    gatewayUrl,
  });
  world.dispatch = (event) => gateway.dispatch(event);
  const rest = new RestServer(
    buildRoutes({
      world,
      messages,
      commands,
      interactions,
      applicationId,
      applicationFlags,
      shardCount,
      maxConcurrency: options.maxConcurrency ?? 1,
      gatewayUrl,
    }),
    token,
    world,
  );

  const server = createServer((request, response) => void rest.handle(request, response));
  server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').startsWith('/gateway')) gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  let stopped: Promise<void> | undefined;
  const userFrom = (user: APIUser | undefined): APIUser => (user ? world.requireUser(user) : defaultUser);

  const simulator: DiscordSimulator = {
    restUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token,
    applicationId,
    botUserId: world.botUser.id,
    botUser: structuredClone(world.botUser),
    shardCount,
    defaultGuildId,
    defaultChannelId,
    defaultUser: structuredClone(defaultUser),
    guildIds,
    botRoleId: (guildId = defaultGuildId) => world.requireGuild(guildId).botRoleId,

    createUser: (spec) => structuredClone(world.createUser(spec)),
    addMember: (guildId, user, memberOptions) => world.addMember(guildId, user, memberOptions),
    createRole: (guildId, spec) => world.createRole(guildId, spec),
    createChannel: (guildId, spec) =>
      structuredClone(world.createChannel(guildId, spec)) as unknown as APIChannel,
    dmChannelFor: (user) => structuredClone(world.dmChannelFor(user)) as unknown as APIChannel,

    async userSendsMessage(messageOptions: UserMessageOptions): Promise<APIMessage> {
      const author = userFrom(messageOptions.author);
      const channelId = messageOptions.dm
        ? String(world.dmChannelFor(author)['id'])
        : (messageOptions.channelId ?? defaultChannelId);
      const channel = world.requireChannel(channelId);
      if (
        typeof channel['guild_id'] === 'string' &&
        !world.requireGuild(channel['guild_id']).members.has(author.id)
      ) {
        throw new Error(
          `Discord simulator: ${author.username} is not a member of guild ${channel['guild_id']}; use sim.addMember()`,
        );
      }
      const botMention = `<@${world.botUser.id}>`;
      const mentioned =
        messageOptions.content.includes(botMention) ||
        messageOptions.content.includes(`<@!${world.botUser.id}>`);
      const content =
        messageOptions.mentionsBot && !mentioned
          ? `${botMention} ${messageOptions.content}`
          : messageOptions.content;
      const replyTo = messageOptions.replyTo;
      const message = messages.create({
        channelId,
        author,
        content,
        ...(replyTo !== undefined
          ? {
              messageReference: {
                message_id: typeof replyTo === 'string' ? replyTo : replyTo.id,
                channel_id: channelId,
                fail_if_not_exists: true,
              },
            }
          : {}),
        pingRepliedAuthor: messageOptions.pingRepliedAuthor ?? true,
      });
      return structuredClone(message) as unknown as APIMessage;
    },
    async userCreatesForumPost(post): Promise<APIChannel> {
      const author = userFrom(post.author);
      const forum = world.requireChannel(post.channelId);
      if (Number(forum['type']) !== 15)
        throw new Error(`Discord simulator: channel ${post.channelId} is not a forum (type 15)`);
      const guildId = String(forum['guild_id']);
      if (!world.requireGuild(guildId).members.has(author.id))
        throw new Error(
          `Discord simulator: ${author.username} is not a member of guild ${guildId}; use sim.addMember()`,
        );
      const thread = messages.createThread(
        post.channelId,
        { name: post.title, message: { content: post.content } },
        author,
      );
      return structuredClone(thread) as unknown as APIChannel;
    },
    userRunsCommand: (commandOptions) =>
      interactions.runCommand({
        ...commandOptions,
        ...(commandOptions.user ? { user: userFrom(commandOptions.user) } : {}),
      }),
    userClicksButton: (message, customId, componentOpts): InteractionHandle =>
      interactions.clickButton(message, customId, componentOptions(componentOpts)),
    userSelects: (message, customId, values, componentOpts) =>
      interactions.select(message, customId, values, componentOptions(componentOpts)),
    userSubmitsModal: (interaction, values, componentOpts) =>
      interactions.submitModal(interaction, values, componentOptions(componentOpts)),
    userAutocompletes: (autocompleteOptions) => interactions.autocomplete(autocompleteOptions),

    get requests() {
      return rest.requests;
    },
    get unknownRequests() {
      return rest.unknownRequests;
    },
    get identifies() {
      return gateway.identifies;
    },
    get resumes() {
      return gateway.resumes;
    },
    get dispatches() {
      return gateway.dispatches;
    },

    waitFor: (check, timeoutMs = 5000, description = 'a condition') =>
      world.signal.waitFor(check, timeoutMs, description),
    waitForRequest: (match, timeoutMs = 5000) =>
      world.signal.waitFor(() => rest.requests.find(match), timeoutMs, 'a matching REST request'),
    waitForShardReady: (shardId = 0, timeoutMs = 5000) =>
      world.signal
        .waitFor(() => gateway.isShardLive(shardId) || undefined, timeoutMs, `shard ${shardId} to be ready`)
        .then(() => undefined),

    messages: (channelId) =>
      messages.inChannel(channelId).map((message) => structuredClone(message) as unknown as APIMessage),
    message: (messageId) => {
      const message = messages.get(messageId);
      return message ? (structuredClone(message) as unknown as APIMessage) : undefined;
    },
    threads: () =>
      [...world.channels.values()]
        .filter((channel) => [10, 11, 12].includes(Number(channel['type'])))
        .map((channel) => structuredClone(channel) as unknown as APIChannel),
    guildChannels: (guildId) =>
      [...world.channels.values()]
        .filter((channel) => channel['guild_id'] === guildId)
        .map((channel) => structuredClone(channel) as unknown as APIChannel),
    channel: (channelId) => world.channelObject(channelId),
    commands: (guildId): APIApplicationCommand[] => commands.list(guildId),
    shardForGuild: (guildId, count = shardCount) => shardOfGuild(guildId, count),

    disconnectShard: (shardId, disconnectOptions = {}) =>
      gateway.disconnectShard(shardId, disconnectOptions.resumable ?? true, disconnectOptions.code ?? 4000),
    injectFailure: (failure) => rest.injectFailure(failure),
    stop() {
      stopped ??= (async () => {
        await gateway.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return stopped;
    },
  };
  return simulator;
}

/** Creates one guild from its spec (before any client connects, so nothing is dispatched). */
function seedGuild(
  world: World,
  spec: SimGuildSpec,
  index: number,
  shardCount: number,
  owner: APIUser,
  defaultUser: APIUser,
): Snowflake {
  const members = (spec.members ?? []).map((member) => ({
    ...member,
    user: 'discriminator' in member.user ? world.requireUser(member.user) : world.createUser(member.user),
  }));
  const guild = world.createGuild({
    id: spec.id ?? world.ids.nextOnShard(index % shardCount, shardCount),
    name: spec.name ?? `Guild ${index + 1}`,
    ownerId: spec.ownerId ?? owner.id,
    preferredLocale: spec.preferredLocale ?? 'en-US',
    everyonePermissions:
      spec.everyonePermissions === undefined ? undefined : toPermissionBits(spec.everyonePermissions),
    botPermissions: spec.botPermissions === undefined ? undefined : toPermissionBits(spec.botPermissions),
  });
  for (const role of spec.roles ?? []) world.createRole(guild.id, role, false);
  const channels = spec.channels ?? [{ name: 'general' }];
  for (const channel of channels) world.createChannel(guild.id, channel, false);
  if (guild.ownerId === owner.id) world.addMember(guild.id, owner, {}, false);
  if (index === 0) world.addMember(guild.id, defaultUser, {}, false);
  for (const member of members) world.addMember(guild.id, member.user, member, false);
  return guild.id;
}
