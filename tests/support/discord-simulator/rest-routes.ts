import type { APIUser } from 'discord.js';
import type { CommandRegistry } from './application-commands.js';
import { discordErrors } from './discord-errors.js';
import {
  type HandlerResult,
  type InteractionService,
  type UploadedFile,
  attachmentsFor,
} from './interactions.js';
import { requireEmbedLinksFor } from './embed-permission.js';
import { validateMessagePayload } from './message-validation.js';
import type { MessageStore } from './messages.js';
import { hasPermissions, Permission } from './permissions.js';
import type { Snowflake } from './types.js';
import { isThreadType, type Json, type World } from './world.js';

/** What a route handler receives. */
export interface RouteRequest {
  method: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
}

/** One REST route: `template` uses `:name` for path parameters. */
export interface Route {
  method: string;
  template: string;
  /** Interaction callbacks and webhook calls carry no Authorization header on Discord. */
  auth: boolean;
  handle(request: RouteRequest): HandlerResult;
}

/** Everything the routes act on. */
export interface RouteDependencies {
  world: World;
  messages: MessageStore;
  commands: CommandRegistry;
  interactions: InteractionService;
  applicationId: Snowflake;
  applicationFlags: number;
  shardCount: number;
  maxConcurrency: number;
  gatewayUrl: () => string;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ok = (body: unknown): HandlerResult => ({ status: 200, body });
const noContent = (): HandlerResult => ({ status: 204 });

/** The Discord API v10 routes the simulator serves (paths are relative to `/api/v10`). */
export function buildRoutes(deps: RouteDependencies): Route[] {
  const { world, messages, commands, interactions } = deps;
  const bot = (): APIUser => world.botUser;

  const channelOr404 = (channelId: string): Json => {
    const channel = world.channels.get(channelId);
    if (!channel) throw discordErrors.unknownChannel();
    return channel;
  };
  const guildOr404 = (guildId: string) => {
    const guild = world.guilds.get(guildId);
    if (!guild) throw discordErrors.unknownGuild();
    return guild;
  };
  const requireBotPermission = (channelId: string, required: bigint): void => {
    const channel = channelOr404(channelId);
    if (typeof channel['guild_id'] !== 'string') return;
    const granted = world.botPermissionsIn(channelId);
    if (!hasPermissions(granted, Permission.ViewChannel)) throw discordErrors.missingAccess();
    if (!hasPermissions(granted, required)) throw discordErrors.missingPermissions();
  };
  const requireApplication = (applicationId: string): void => {
    if (applicationId !== deps.applicationId) throw discordErrors.missingAccess();
  };
  const applicationObject = (): Json => ({
    id: deps.applicationId,
    name: bot().username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    hook: true,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: deps.applicationFlags,
    owner: structuredClone(world.users.values().next().value ?? bot()),
    team: null,
    bot: structuredClone(bot()),
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    tags: [],
    approximate_guild_count: world.guilds.size,
    approximate_user_install_count: 0,
    integration_types_config: { '0': {} },
    explicit_content_filter: 0,
    is_monetized: false,
    is_verified: false,
    is_discoverable: false,
  });

  const postMessage = (request: RouteRequest): HandlerResult => {
    const channelId = request.params['channel'] as string;
    const channel = channelOr404(channelId);
    const body = isObject(request.body) ? request.body : {};
    const sendPermission = isThreadType(Number(channel['type']))
      ? Permission.SendMessagesInThreads
      : Permission.SendMessages;
    requireBotPermission(channelId, sendPermission);
    if (request.files.length > 0) requireBotPermission(channelId, Permission.AttachFiles);
    if (body['message_reference'] !== undefined)
      requireBotPermission(channelId, Permission.ReadMessageHistory);
    validateMessagePayload(body, { creating: true, fileCount: request.files.length });
    requireEmbedLinksFor(world, channelId, body);
    const message = messages.create({
      channelId,
      author: bot(),
      content: body['content'] as string | undefined,
      embeds: body['embeds'],
      components: body['components'],
      attachments: attachmentsFor(world, request.files, body),
      flags: Number(body['flags'] ?? 0),
      tts: body['tts'] === true,
      nonce: body['nonce'],
      ...(isObject(body['message_reference']) ? { messageReference: body['message_reference'] } : {}),
      ...(isObject(body['allowed_mentions']) ? { allowedMentions: body['allowed_mentions'] } : {}),
    });
    return ok(structuredClone(message));
  };

  const editMessage = (request: RouteRequest): HandlerResult => {
    const channelId = request.params['channel'] as string;
    channelOr404(channelId);
    const message = messages.require(request.params['message'] as string, channelId);
    if ((message['author'] as APIUser).id !== bot().id) throw discordErrors.cannotEditOthersMessage();
    const body = isObject(request.body) ? request.body : {};
    validateMessagePayload(body, { creating: false, fileCount: request.files.length });
    requireEmbedLinksFor(world, channelId, body);
    const edited = messages.edit(message['id'] as string, {
      ...('content' in body ? { content: (body['content'] as string | null) ?? '' } : {}),
      ...('embeds' in body ? { embeds: body['embeds'] ?? [] } : {}),
      ...('components' in body ? { components: body['components'] ?? [] } : {}),
      ...('flags' in body ? { flags: Number(body['flags'] ?? 0) } : {}),
      ...(isObject(body['allowed_mentions']) ? { allowedMentions: body['allowed_mentions'] } : {}),
      ...(request.files.length > 0 || Array.isArray(body['attachments'])
        ? { attachments: attachmentsFor(world, request.files, body) }
        : {}),
    });
    return ok(structuredClone(edited));
  };

  const commandRoutes = (prefix: string, guildOf: (request: RouteRequest) => string | undefined): Route[] => [
    {
      method: 'GET',
      template: `${prefix}/commands`,
      auth: true,
      handle: (request) => {
        requireApplication(request.params['app'] as string);
        return ok(commands.list(guildOf(request)));
      },
    },
    {
      method: 'PUT',
      template: `${prefix}/commands`,
      auth: true,
      handle: (request) => {
        requireApplication(request.params['app'] as string);
        return ok(commands.overwrite(request.body, guildOf(request)));
      },
    },
    {
      method: 'POST',
      template: `${prefix}/commands`,
      auth: true,
      handle: (request) => {
        requireApplication(request.params['app'] as string);
        const { command, created } = commands.upsert(request.body, guildOf(request));
        return { status: created ? 201 : 200, body: command };
      },
    },
    {
      method: 'GET',
      template: `${prefix}/commands/:command`,
      auth: true,
      handle: (request) => {
        requireApplication(request.params['app'] as string);
        const command = commands.get(request.params['command'] as string, guildOf(request));
        if (!command) throw discordErrors.unknownCommand();
        return ok(command);
      },
    },
    {
      method: 'PATCH',
      template: `${prefix}/commands/:command`,
      auth: true,
      handle: (request) => {
        requireApplication(request.params['app'] as string);
        const command = commands.edit(request.params['command'] as string, request.body, guildOf(request));
        if (!command) throw discordErrors.unknownCommand();
        return ok(command);
      },
    },
    {
      method: 'DELETE',
      template: `${prefix}/commands/:command`,
      auth: true,
      handle: (request) => {
        requireApplication(request.params['app'] as string);
        if (!commands.delete(request.params['command'] as string, guildOf(request)))
          throw discordErrors.unknownCommand();
        return noContent();
      },
    },
  ];

  const webhookRoute = (method: string, template: string): Route => ({
    method,
    template,
    auth: false,
    handle: (request) =>
      interactions.webhook(
        method,
        request.params['app'] as string,
        request.params['token'] as string,
        request.params['message'],
        request.body,
        request.files,
        request.query['wait'] === 'true',
      ),
  });

  return [
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: true,
      handle: () =>
        ok({
          url: deps.gatewayUrl(),
          shards: deps.shardCount,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: deps.maxConcurrency,
          },
        }),
    },
    { method: 'GET', template: '/gateway', auth: false, handle: () => ok({ url: deps.gatewayUrl() }) },
    {
      method: 'GET',
      template: '/users/@me',
      auth: true,
      handle: () =>
        ok({
          ...structuredClone(bot()),
          bot: true,
          verified: true,
          mfa_enabled: false,
          email: null,
          flags: 0,
          locale: 'en-US',
          premium_type: 0,
        }),
    },
    {
      method: 'GET',
      template: '/users/:user',
      auth: true,
      handle: (request) => {
        const user = world.users.get(request.params['user'] as string);
        if (!user) throw discordErrors.unknownUser();
        return ok(structuredClone(user));
      },
    },
    {
      method: 'POST',
      template: '/users/@me/channels',
      auth: true,
      handle: (request) => {
        const recipient = isObject(request.body) ? String(request.body['recipient_id'] ?? '') : '';
        if (!world.users.has(recipient)) throw discordErrors.unknownUser();
        return ok(structuredClone(world.dmChannelFor(recipient)));
      },
    },
    { method: 'GET', template: '/applications/@me', auth: true, handle: () => ok(applicationObject()) },
    {
      method: 'GET',
      template: '/oauth2/applications/@me',
      auth: true,
      handle: () => ok(applicationObject()),
    },
    ...commandRoutes('/applications/:app', () => undefined),
    ...commandRoutes('/applications/:app/guilds/:guild', (request) => {
      const guildId = request.params['guild'] as string;
      guildOr404(guildId);
      return guildId;
    }),

    {
      method: 'GET',
      template: '/channels/:channel',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        requireBotPermission(channelId, Permission.ViewChannel);
        return ok(structuredClone(channelOr404(channelId)));
      },
    },
    {
      method: 'GET',
      template: '/channels/:channel/messages',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        requireBotPermission(channelId, Permission.ViewChannel);
        if (!hasPermissions(world.botPermissionsIn(channelId), Permission.ReadMessageHistory)) return ok([]);
        const { limit, before, after, around } = request.query;
        return ok(
          messages.history(channelId, {
            ...(limit !== undefined ? { limit: Number(limit) } : {}),
            ...(before !== undefined ? { before } : {}),
            ...(after !== undefined ? { after } : {}),
            ...(around !== undefined ? { around } : {}),
          }),
        );
      },
    },
    { method: 'POST', template: '/channels/:channel/messages', auth: true, handle: postMessage },
    {
      method: 'GET',
      template: '/channels/:channel/messages/:message',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        requireBotPermission(channelId, Permission.ReadMessageHistory);
        return ok(structuredClone(messages.require(request.params['message'] as string, channelId)));
      },
    },
    { method: 'PATCH', template: '/channels/:channel/messages/:message', auth: true, handle: editMessage },
    {
      method: 'DELETE',
      template: '/channels/:channel/messages/:message',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        channelOr404(channelId);
        const message = messages.require(request.params['message'] as string, channelId);
        if ((message['author'] as APIUser).id !== bot().id)
          requireBotPermission(channelId, Permission.ManageMessages);
        messages.delete(message['id'] as string);
        return noContent();
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel/messages/:message/threads',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        requireBotPermission(channelId, Permission.CreatePublicThreads);
        const body = isObject(request.body) ? request.body : {};
        return {
          status: 201,
          body: structuredClone(
            messages.startThreadFromMessage(channelId, request.params['message'] as string, body, bot().id),
          ),
        };
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel/threads',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        const body = isObject(request.body) ? request.body : {};
        const type = Number(body['type'] ?? 12);
        requireBotPermission(
          channelId,
          type === 12 ? Permission.CreatePrivateThreads : Permission.CreatePublicThreads,
        );
        return { status: 201, body: structuredClone(messages.createThread(channelId, body, bot())) };
      },
    },
    {
      method: 'PUT',
      template: '/channels/:channel/thread-members/@me',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        const channel = channelOr404(channelId);
        if (!isThreadType(Number(channel['type']))) throw discordErrors.wrongChannelType();
        const members = world.threadMembers.get(channelId) ?? new Map<string, string>();
        if (!members.has(bot().id)) {
          members.set(bot().id, new Date().toISOString());
          channel['member_count'] = members.size;
        }
        world.threadMembers.set(channelId, members);
        world.signal.notify();
        return noContent();
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channel/thread-members/@me',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        channelOr404(channelId);
        world.threadMembers.get(channelId)?.delete(bot().id);
        world.signal.notify();
        return noContent();
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel/typing',
      auth: true,
      handle: (request) => {
        requireBotPermission(request.params['channel'] as string, Permission.SendMessages);
        return noContent();
      },
    },
    {
      method: 'PUT',
      template: '/channels/:channel/messages/:message/reactions/:emoji/@me',
      auth: true,
      handle: (request) => {
        const channelId = request.params['channel'] as string;
        requireBotPermission(channelId, Permission.AddReactions | Permission.ReadMessageHistory);
        messages.addBotReaction(
          channelId,
          request.params['message'] as string,
          request.params['emoji'] as string,
        );
        return noContent();
      },
    },

    {
      method: 'GET',
      template: '/guilds/:guild',
      auth: true,
      handle: (request) => ok(world.guildObject(guildOr404(request.params['guild'] as string))),
    },
    {
      method: 'GET',
      template: '/guilds/:guild/channels',
      auth: true,
      handle: (request) => {
        const guild = guildOr404(request.params['guild'] as string);
        return ok(
          [...world.channels.values()]
            .filter((channel) => channel['guild_id'] === guild.id && !isThreadType(Number(channel['type'])))
            .map((channel) => structuredClone(channel)),
        );
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guild/roles',
      auth: true,
      handle: (request) =>
        ok(
          [...guildOr404(request.params['guild'] as string).roles.values()].map((role) =>
            structuredClone(role),
          ),
        ),
    },
    {
      method: 'GET',
      template: '/guilds/:guild/members/:user',
      auth: true,
      handle: (request) => {
        const guild = guildOr404(request.params['guild'] as string);
        const member = guild.members.get(request.params['user'] as string);
        if (!member) throw discordErrors.unknownMember();
        return ok(world.memberObject(guild, member));
      },
    },

    {
      method: 'POST',
      template: '/interactions/:interaction/:token/callback',
      auth: false,
      handle: (request) =>
        interactions.callback(
          request.params['interaction'] as string,
          request.params['token'] as string,
          request.body,
          request.files,
          request.query['with_response'] === 'true',
        ),
    },
    webhookRoute('POST', '/webhooks/:app/:token'),
    webhookRoute('GET', '/webhooks/:app/:token/messages/:message'),
    webhookRoute('PATCH', '/webhooks/:app/:token/messages/:message'),
    webhookRoute('DELETE', '/webhooks/:app/:token/messages/:message'),
  ];
}
