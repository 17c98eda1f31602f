import type { APIUser } from 'discord.js';
import { discordErrors, FormErrorCollector } from './discord-errors.js';
import { Intent } from './gateway-event.js';
import { DiscordLimits, MessageFlag } from './message-validation.js';
import { hasPermissions, Permission } from './permissions.js';
import { compareSnowflakes, isoTimestampOf } from './snowflake.js';
import type { Snowflake } from './types.js';
import { isTextBasedType, isThreadType, type Json, type World } from './world.js';

/** Everything needed to create a message, whoever sends it. */
export interface NewMessage {
  /** A given id (a forum post's starter message has its thread's id). @default a new snowflake */
  id?: Snowflake;
  channelId: Snowflake;
  author: APIUser;
  content?: string | null;
  embeds?: unknown;
  components?: unknown;
  attachments?: Json[];
  flags?: number;
  /** Message type; replies become 19 automatically. @default 0 */
  type?: number;
  tts?: boolean;
  nonce?: unknown;
  /** `message_reference` as sent (`message_id`, `channel_id`, `fail_if_not_exists`...). */
  messageReference?: Json;
  /** `allowed_mentions` as sent; undefined means Discord's default (everything pings). */
  allowedMentions?: Json;
  /** Whether a reply pings its author when `allowedMentions` is absent. @default true */
  pingRepliedAuthor?: boolean;
  webhookId?: Snowflake;
  applicationId?: Snowflake;
  interactionMetadata?: Json;
  interaction?: Json;
  /** Ephemeral messages are stored (components can be clicked) but never shown in the channel or dispatched. */
  ephemeral?: boolean;
}

/** Fields an edit may change. */
export interface MessageEdit {
  content?: string | null;
  embeds?: unknown;
  components?: unknown;
  attachments?: Json[];
  flags?: number;
  allowedMentions?: Json;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Messages, threads and reactions: stores them, keeps channel counters right and dispatches the
 * gateway events Discord would (MESSAGE_CREATE/UPDATE/DELETE, THREAD_CREATE, MESSAGE_REACTION_ADD).
 */
export class MessageStore {
  /** Every message ever created (deleted ones too, flagged), by id. */
  private readonly byId = new Map<Snowflake, Json>();
  private readonly byChannel = new Map<Snowflake, Snowflake[]>();
  private readonly deleted = new Set<Snowflake>();

  constructor(private readonly world: World) {}

  get(messageId: Snowflake): Json | undefined {
    return this.deleted.has(messageId) ? undefined : this.byId.get(messageId);
  }

  require(messageId: Snowflake, channelId?: Snowflake): Json {
    const message = this.get(messageId);
    if (!message || (channelId !== undefined && message['channel_id'] !== channelId))
      throw discordErrors.unknownMessage();
    return message;
  }

  /** Visible messages of a channel, oldest first. */
  inChannel(channelId: Snowflake): Json[] {
    return (this.byChannel.get(channelId) ?? [])
      .filter((id) => !this.deleted.has(id))
      .map((id) => this.byId.get(id) as Json);
  }

  /** `GET /channels/:id/messages` semantics: newest first, `limit` 1–100 (default 50), `before`/`after`/`around`. */
  history(
    channelId: Snowflake,
    query: { limit?: number; before?: Snowflake; after?: Snowflake; around?: Snowflake },
  ): Json[] {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 100);
    const all = this.inChannel(channelId);
    let picked: Json[];
    if (query.before !== undefined) {
      const before = query.before;
      picked = all.filter((message) => compareSnowflakes(message['id'] as string, before) < 0).slice(-limit);
    } else if (query.after !== undefined) {
      const after = query.after;
      picked = all.filter((message) => compareSnowflakes(message['id'] as string, after) > 0).slice(0, limit);
    } else if (query.around !== undefined) {
      const index = all.findIndex(
        (message) => compareSnowflakes(message['id'] as string, query.around as string) >= 0,
      );
      const centre = index === -1 ? all.length : index;
      const start = Math.max(0, centre - Math.floor(limit / 2));
      picked = all.slice(start, start + limit);
    } else {
      picked = all.slice(-limit);
    }
    return picked.reverse().map((message) => structuredClone(message));
  }

  /** Creates, stores and (unless ephemeral) dispatches a message. Throws Discord errors for bad references. */
  create(spec: NewMessage): Json {
    const channel = this.world.requireChannel(spec.channelId);
    if (!isTextBasedType(Number(channel['type']))) throw discordErrors.nonTextChannel();
    const id = spec.id ?? this.world.ids.next();
    const guildId = typeof channel['guild_id'] === 'string' ? channel['guild_id'] : undefined;
    const referenced = this.resolveReference(spec, guildId);
    const mentions = this.computeMentions(spec.content ?? '', {
      channelId: spec.channelId,
      guildId,
      authorIsBot: spec.author.id === this.world.botUser.id,
      allowed: spec.allowedMentions,
      repliedAuthor: referenced ? (referenced['author'] as APIUser) : undefined,
      pingReplied: spec.pingRepliedAuthor ?? true,
    });
    const message: Json = {
      id,
      type: spec.type ?? (referenced ? 19 : 0),
      content: spec.content ?? '',
      channel_id: spec.channelId,
      author: structuredClone(spec.author),
      attachments: spec.attachments ?? [],
      embeds: normalizeEmbeds(spec.embeds),
      mentions: mentions.users,
      mention_roles: mentions.roles,
      mention_everyone: mentions.everyone,
      pinned: false,
      tts: spec.tts ?? false,
      timestamp: isoTimestampOf(id),
      edited_timestamp: null,
      flags: spec.flags ?? 0,
      components: Array.isArray(spec.components) ? structuredClone(spec.components) : [],
    };
    if (spec.nonce !== undefined) message['nonce'] = spec.nonce;
    if (referenced) {
      message['message_reference'] = {
        type: 0,
        channel_id: referenced['channel_id'],
        message_id: referenced['id'],
        ...(guildId ? { guild_id: guildId } : {}),
      };
      const { referenced_message: _nested, ...shallow } = structuredClone(referenced);
      message['referenced_message'] = shallow;
    }
    if (spec.webhookId) message['webhook_id'] = spec.webhookId;
    if (spec.applicationId) message['application_id'] = spec.applicationId;
    if (spec.interactionMetadata) message['interaction_metadata'] = spec.interactionMetadata;
    if (spec.interaction) message['interaction'] = spec.interaction;
    if (isThreadType(Number(channel['type']))) {
      message['position'] = Number(channel['total_message_sent'] ?? 0);
      channel['message_count'] = Number(channel['message_count'] ?? 0) + 1;
      channel['total_message_sent'] = Number(channel['total_message_sent'] ?? 0) + 1;
    }
    this.byId.set(id, message);
    if (!spec.ephemeral) {
      const list = this.byChannel.get(spec.channelId) ?? [];
      list.push(id);
      this.byChannel.set(spec.channelId, list);
      channel['last_message_id'] = id;
      this.dispatchMessage('MESSAGE_CREATE', message, channel);
    }
    this.world.signal.notify();
    return message;
  }

  /** Applies an edit and dispatches MESSAGE_UPDATE (unless ephemeral). */
  edit(messageId: Snowflake, changes: MessageEdit, options: { markEdited?: boolean } = {}): Json {
    const message = this.require(messageId);
    const channel = this.world.requireChannel(message['channel_id'] as string);
    if (changes.content !== undefined) {
      message['content'] = changes.content ?? '';
      const guildId = typeof channel['guild_id'] === 'string' ? channel['guild_id'] : undefined;
      const mentions = this.computeMentions(message['content'] as string, {
        channelId: message['channel_id'] as string,
        guildId,
        authorIsBot: (message['author'] as APIUser).id === this.world.botUser.id,
        allowed: changes.allowedMentions,
        repliedAuthor: undefined,
        pingReplied: false,
      });
      message['mentions'] = mentions.users;
      message['mention_roles'] = mentions.roles;
      message['mention_everyone'] = mentions.everyone;
    }
    if (changes.embeds !== undefined) message['embeds'] = normalizeEmbeds(changes.embeds);
    if (changes.components !== undefined)
      message['components'] = Array.isArray(changes.components) ? structuredClone(changes.components) : [];
    if (changes.attachments !== undefined) message['attachments'] = changes.attachments;
    if (changes.flags !== undefined) message['flags'] = changes.flags;
    if (options.markEdited ?? true) message['edited_timestamp'] = new Date().toISOString();
    if (!this.isEphemeral(message)) this.dispatchMessage('MESSAGE_UPDATE', message, channel);
    this.world.signal.notify();
    return message;
  }

  /** Deletes a message and dispatches MESSAGE_DELETE (unless ephemeral). */
  delete(messageId: Snowflake): void {
    const message = this.require(messageId);
    this.deleted.add(messageId);
    const channel = this.world.requireChannel(message['channel_id'] as string);
    if (!this.isEphemeral(message)) {
      const guildId = typeof channel['guild_id'] === 'string' ? channel['guild_id'] : null;
      this.world.dispatch({
        t: 'MESSAGE_DELETE',
        d: { id: messageId, channel_id: message['channel_id'], ...(guildId ? { guild_id: guildId } : {}) },
        guildId,
        intent: guildId ? Intent.GuildMessages : Intent.DirectMessages,
      });
    }
    this.world.signal.notify();
  }

  isEphemeral(message: Json): boolean {
    return (Number(message['flags'] ?? 0) & MessageFlag.Ephemeral) !== 0;
  }

  /** `POST /channels/:id/messages/:mid/threads`: a public thread whose id is the message id. */
  startThreadFromMessage(channelId: Snowflake, messageId: Snowflake, body: Json, ownerId: Snowflake): Json {
    const channel = this.world.requireChannel(channelId);
    const message = this.require(messageId, channelId);
    const type = Number(channel['type']);
    if (type !== 0 && type !== 5) throw discordErrors.wrongChannelType();
    if (message['thread']) throw discordErrors.threadAlreadyExists();
    const name = validateThreadName(body['name']);
    const thread = this.world.threadObject({
      id: messageId,
      guildId: channel['guild_id'] as string,
      parentId: channelId,
      name,
      type: type === 5 ? 10 : 11,
      ownerId,
      autoArchiveDuration:
        typeof body['auto_archive_duration'] === 'number' ? body['auto_archive_duration'] : undefined,
    });
    this.registerThread(thread, ownerId);
    message['thread'] = structuredClone(thread);
    message['flags'] = Number(message['flags'] ?? 0) | MessageFlag.HasThread;
    this.dispatchMessage('MESSAGE_UPDATE', message, channel);
    this.world.signal.notify();
    return thread;
  }

  /** `POST /channels/:id/threads`: a thread without a starter message (forum posts get one). */
  createThread(channelId: Snowflake, body: Json, owner: APIUser): Json {
    const channel = this.world.requireChannel(channelId);
    const parentType = Number(channel['type']);
    const isForum = parentType === 15 || parentType === 16;
    if (parentType !== 0 && parentType !== 5 && !isForum) throw discordErrors.wrongChannelType();
    const name = validateThreadName(body['name']);
    const type = isForum ? 11 : Number(body['type'] ?? 12);
    if (!isThreadType(type)) {
      const errors = new FormErrorCollector();
      errors.add(['type'], 'BASE_TYPE_CHOICES', 'Value must be one of {10, 11, 12}.');
      errors.throwIfAny();
    }
    const thread = this.world.threadObject({
      id: this.world.ids.next(),
      guildId: channel['guild_id'] as string,
      parentId: channelId,
      name,
      type,
      ownerId: owner.id,
      autoArchiveDuration:
        typeof body['auto_archive_duration'] === 'number' ? body['auto_archive_duration'] : undefined,
    });
    this.registerThread(thread, owner.id);
    if (isForum && isObject(body['message'])) {
      const starter = body['message'];
      this.create({
        // As on Discord: a forum post's first message has the thread's id.
        id: thread['id'] as string,
        channelId: thread['id'] as string,
        author: owner,
        content: starter['content'] as string | undefined,
        embeds: starter['embeds'],
        components: starter['components'],
      });
    }
    return thread;
  }

  /** Stores a reaction by the bot and dispatches MESSAGE_REACTION_ADD. */
  addBotReaction(channelId: Snowflake, messageId: Snowflake, emoji: string): void {
    const message = this.require(messageId, channelId);
    const decoded = decodeURIComponent(emoji);
    const custom = /^(?<name>[^:]+):(?<id>\d+)$/.exec(decoded)?.groups;
    const emojiObject = custom ? { id: custom['id'], name: custom['name'] } : { id: null, name: decoded };
    const reactions = (message['reactions'] as Json[] | undefined) ?? [];
    const existing = reactions.find((reaction) => (reaction['emoji'] as Json)['name'] === emojiObject.name);
    if (existing?.['me']) return;
    if (existing) {
      existing['count'] = Number(existing['count']) + 1;
      existing['me'] = true;
      (existing['count_details'] as Json)['normal'] = existing['count'];
    } else {
      reactions.push({
        emoji: emojiObject,
        count: 1,
        count_details: { burst: 0, normal: 1 },
        me: true,
        me_burst: false,
        burst_colors: [],
      });
    }
    message['reactions'] = reactions;
    const channel = this.world.requireChannel(channelId);
    const guildId = typeof channel['guild_id'] === 'string' ? channel['guild_id'] : null;
    const bot = this.world.botUser;
    const member = guildId ? this.world.guilds.get(guildId)?.members.get(bot.id) : undefined;
    this.world.dispatch({
      t: 'MESSAGE_REACTION_ADD',
      d: {
        user_id: bot.id,
        channel_id: channelId,
        message_id: messageId,
        emoji: emojiObject,
        burst: false,
        type: 0,
        message_author_id: (message['author'] as APIUser).id,
        ...(guildId ? { guild_id: guildId } : {}),
        ...(guildId && member
          ? { member: this.world.memberObject(this.world.requireGuild(guildId), member) }
          : {}),
      },
      guildId,
      intent: guildId ? Intent.GuildMessageReactions : Intent.DirectMessageReactions,
    });
    this.world.signal.notify();
  }

  private registerThread(thread: Json, ownerId: Snowflake): void {
    const id = thread['id'] as string;
    this.world.channels.set(id, thread);
    const joinedAt = new Date().toISOString();
    this.world.threadMembers.set(id, new Map([[ownerId, joinedAt]]));
    const d = {
      ...structuredClone(thread),
      newly_created: true,
      ...(ownerId === this.world.botUser.id
        ? { member: { id, user_id: ownerId, join_timestamp: joinedAt, flags: 0 } }
        : {}),
    };
    this.world.dispatch({
      t: 'THREAD_CREATE',
      d,
      guildId: thread['guild_id'] as string,
      intent: Intent.Guilds,
    });
  }

  private resolveReference(spec: NewMessage, guildId: string | undefined): Json | undefined {
    const reference = spec.messageReference;
    if (!reference || reference['message_id'] === undefined) return undefined;
    const referenceType = Number(reference['type'] ?? 0);
    if (referenceType !== 0) return undefined;
    const targetChannel = (reference['channel_id'] as string | undefined) ?? spec.channelId;
    const referenced = this.get(String(reference['message_id']));
    const valid =
      referenced &&
      referenced['channel_id'] === targetChannel &&
      (guildId === undefined || reference['guild_id'] === undefined || reference['guild_id'] === guildId);
    if (!valid) {
      if (reference['fail_if_not_exists'] === false) return undefined;
      const errors = new FormErrorCollector();
      errors.add(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
      errors.throwIfAny();
    }
    return referenced;
  }

  private computeMentions(
    content: string,
    context: {
      channelId: Snowflake;
      guildId: string | undefined;
      authorIsBot: boolean;
      allowed: Json | undefined;
      repliedAuthor: APIUser | undefined;
      pingReplied: boolean;
    },
  ): { users: Json[]; roles: string[]; everyone: boolean } {
    const guild = context.guildId ? this.world.guilds.get(context.guildId) : undefined;
    const allowed = context.allowed;
    const parse = Array.isArray(allowed?.['parse']) ? (allowed['parse'] as string[]) : [];
    const allowUser = (id: string): boolean =>
      !allowed ||
      parse.includes('users') ||
      (Array.isArray(allowed['users']) && allowed['users'].includes(id));
    const allowRole = (id: string): boolean =>
      !allowed ||
      parse.includes('roles') ||
      (Array.isArray(allowed['roles']) && allowed['roles'].includes(id));

    const userIds = [
      ...new Set([...content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1] as string)),
    ].filter((id) => this.world.users.has(id) && allowUser(id));
    if (context.repliedAuthor && !userIds.includes(context.repliedAuthor.id)) {
      const pingReply = allowed ? allowed['replied_user'] === true : context.pingReplied;
      if (pingReply) userIds.push(context.repliedAuthor.id);
    }
    const roles = [
      ...new Set([...content.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1] as string)),
    ].filter((id) => guild?.roles.has(id) === true && allowRole(id));
    const mayMentionEveryone =
      !context.authorIsBot ||
      hasPermissions(this.world.botPermissionsIn(context.channelId), Permission.MentionEveryone);
    const everyone =
      /@(everyone|here)\b/.test(content) && (!allowed || parse.includes('everyone')) && mayMentionEveryone;
    const users = userIds.map((id) => {
      const user = structuredClone(this.world.requireUser(id)) as unknown as Json;
      const member = guild?.members.get(id);
      if (guild && member) user['member'] = this.world.memberObject(guild, member, { withUser: false });
      return user;
    });
    return { users, roles, everyone };
  }

  /** Sends a message event in gateway form: REST form plus guild_id, member and channel_type. */
  private dispatchMessage(event: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE', message: Json, channel: Json): void {
    const guildId = typeof channel['guild_id'] === 'string' ? channel['guild_id'] : null;
    const d: Json = { ...structuredClone(message), channel_type: channel['type'] };
    const author = message['author'] as APIUser;
    if (guildId) {
      d['guild_id'] = guildId;
      const guild = this.world.requireGuild(guildId);
      const member = guild.members.get(author.id);
      if (member && !message['webhook_id'])
        d['member'] = this.world.memberObject(guild, member, { withUser: false });
    }
    const mentionsBot = (message['mentions'] as Json[]).some((user) => user['id'] === this.world.botUser.id);
    this.world.dispatch({
      t: event,
      d,
      guildId,
      intent: guildId ? Intent.GuildMessages : Intent.DirectMessages,
      gatedContent: guildId !== null && author.id !== this.world.botUser.id && !mentionsBot,
    });
  }
}

function validateThreadName(name: unknown): string {
  const errors = new FormErrorCollector();
  if (typeof name !== 'string' || name.trim().length === 0)
    errors.add(['name'], 'BASE_TYPE_REQUIRED', 'This field is required');
  else if ([...name].length > DiscordLimits.threadName) errors.maxLength(['name'], DiscordLimits.threadName);
  errors.throwIfAny();
  return name as string;
}

function normalizeEmbeds(embeds: unknown): Json[] {
  if (!Array.isArray(embeds)) return [];
  return embeds
    .filter(isObject)
    .map((embed) => ({ type: 'rich', ...structuredClone(embed), content_scan_version: 0 }));
}
