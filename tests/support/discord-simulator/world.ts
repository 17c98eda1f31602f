import type {
  APIChannel,
  APIGuildMember,
  APIRole,
  APIUser,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { type DispatchGatewayEvent, Intent } from './gateway-event.js';
import {
  ALL_PERMISSIONS,
  combineRolePermissions,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  DM_APP_PERMISSIONS,
  toPermissionBits,
} from './permissions.js';
import { ChangeSignal } from './signal.js';
import { isoTimestampOf, SnowflakeGenerator } from './snowflake.js';
import type { SimChannelSpec, SimMemberOptions, SimRoleSpec, SimUserSpec, Snowflake } from './types.js';

/** A loosely typed JSON object: stored channels and messages are mutated in place as Discord would. */
export type Json = Record<string, unknown>;

/** How a user belongs to a guild. */
export interface MemberRecord {
  userId: Snowflake;
  roles: Snowflake[];
  nick: string | null;
  joinedAt: string;
  /** Exact guild permissions when the test fixed them, otherwise computed from roles. */
  permissionsOverride: bigint | undefined;
}

/** A guild and everything in it. */
export interface GuildRecord {
  id: Snowflake;
  name: string;
  ownerId: Snowflake;
  preferredLocale: string;
  joinedAt: string;
  roles: Map<Snowflake, APIRole>;
  botRoleId: Snowflake;
  members: Map<Snowflake, MemberRecord>;
}

const THREAD_TYPES = new Set([10, 11, 12]);
const TEXT_BASED_TYPES = new Set([0, 1, 2, 3, 5, 10, 11, 12, 13]);

/** Whether a channel type is a thread (10 announcement thread, 11 public, 12 private). */
export function isThreadType(type: number): boolean {
  return THREAD_TYPES.has(type);
}

/** Whether messages can be posted in a channel of this type. */
export function isTextBasedType(type: number): boolean {
  return TEXT_BASED_TYPES.has(type);
}

/**
 * The simulated Discord's state: users, guilds, roles, members, channels and DM channels, plus the
 * serializers that turn them into complete API objects. Mutations that Discord announces are
 * dispatched through {@link World.dispatch}.
 */
export class World {
  readonly ids = new SnowflakeGenerator();
  readonly signal = new ChangeSignal();
  readonly users = new Map<Snowflake, APIUser>();
  readonly guilds = new Map<Snowflake, GuildRecord>();
  /** Every channel (guild channels, threads, DMs), by id, in creation order. */
  readonly channels = new Map<Snowflake, Json>();
  readonly dmChannelByUser = new Map<Snowflake, Snowflake>();
  /** Users who joined each thread. */
  readonly threadMembers = new Map<Snowflake, Map<Snowflake, string>>();
  /** Set once the gateway exists; events before that go nowhere. */
  dispatch: DispatchGatewayEvent = () => undefined;
  botUser!: APIUser;
  private userCounter = 0;
  private channelCounter = 0;
  private roleCounter = 0;

  /** Creates a user with every field Discord sends for a user object. */
  createUser(spec: SimUserSpec = {}): APIUser {
    this.userCounter += 1;
    const user: APIUser = {
      id: spec.id ?? this.ids.next(),
      username: spec.username ?? `user${this.userCounter}`,
      discriminator: '0',
      global_name: spec.globalName ?? null,
      avatar: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
      public_flags: 0 as UserFlags,
      ...(spec.bot ? { bot: true } : {}),
    };
    this.users.set(user.id, user);
    this.signal.notify();
    return user;
  }

  /** Looks a user up by object or id, failing loudly in the test when unknown. */
  requireUser(user: APIUser | Snowflake): APIUser {
    const id = typeof user === 'string' ? user : user.id;
    const found = this.users.get(id);
    if (!found) throw new Error(`Discord simulator: unknown user ${id}; create it with sim.createUser()`);
    return found;
  }

  requireGuild(guildId: Snowflake): GuildRecord {
    const guild = this.guilds.get(guildId);
    if (!guild) throw new Error(`Discord simulator: unknown guild ${guildId}`);
    return guild;
  }

  requireChannel(channelId: Snowflake): Json {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`Discord simulator: unknown channel ${channelId}`);
    return channel;
  }

  /** Creates a guild with its @everyone role and the bot (holding a managed role) as a member. */
  createGuild(options: {
    id: Snowflake;
    name: string;
    ownerId: Snowflake;
    preferredLocale: string;
    everyonePermissions: bigint | undefined;
    botPermissions: bigint | undefined;
  }): GuildRecord {
    const guild: GuildRecord = {
      id: options.id,
      name: options.name,
      ownerId: options.ownerId,
      preferredLocale: options.preferredLocale,
      joinedAt: new Date().toISOString(),
      roles: new Map(),
      botRoleId: '',
      members: new Map(),
    };
    this.guilds.set(guild.id, guild);
    guild.roles.set(
      guild.id,
      this.roleObject(guild.id, '@everyone', 0, options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
    );
    const botRole = this.roleObject(
      this.ids.next(),
      this.botUser.username,
      1,
      options.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
    );
    botRole.managed = true;
    botRole.tags = { bot_id: this.botUser.id };
    guild.roles.set(botRole.id, botRole);
    guild.botRoleId = botRole.id;
    guild.members.set(this.botUser.id, this.memberRecord(this.botUser.id, [botRole.id], {}));
    return guild;
  }

  /** Adds a role; dispatched as GUILD_ROLE_CREATE once the guild is live. */
  createRole(guildId: Snowflake, spec: SimRoleSpec = {}, announce = true): APIRole {
    const guild = this.requireGuild(guildId);
    this.roleCounter += 1;
    const role = this.roleObject(
      spec.id ?? this.ids.next(),
      spec.name ?? `role-${this.roleCounter}`,
      guild.roles.size,
      spec.permissions === undefined ? 0n : toPermissionBits(spec.permissions),
    );
    guild.roles.set(role.id, role);
    if (announce)
      this.dispatch({
        t: 'GUILD_ROLE_CREATE',
        d: { guild_id: guild.id, role },
        guildId: guild.id,
        intent: Intent.Guilds,
      });
    this.signal.notify();
    return structuredClone(role);
  }

  /** Adds (or updates) a member; dispatched as GUILD_MEMBER_ADD (GuildMembers intent) once the guild is live. */
  addMember(
    guildId: Snowflake,
    user: APIUser | Snowflake,
    options: SimMemberOptions = {},
    announce = true,
  ): APIGuildMember {
    const guild = this.requireGuild(guildId);
    const stored = this.requireUser(user);
    for (const roleId of options.roles ?? []) {
      if (!guild.roles.has(roleId))
        throw new Error(`Discord simulator: role ${roleId} is not in guild ${guildId}`);
    }
    const record = this.memberRecord(stored.id, options.roles ?? [], options);
    guild.members.set(stored.id, record);
    const member = this.memberObject(guild, record);
    if (announce) {
      this.dispatch({
        t: 'GUILD_MEMBER_ADD',
        d: { ...member, guild_id: guild.id },
        guildId: guild.id,
        intent: Intent.GuildMembers,
      });
    }
    this.signal.notify();
    return member;
  }

  /** Creates a guild channel or thread; dispatched as CHANNEL_CREATE / THREAD_CREATE once the guild is live. */
  createChannel(guildId: Snowflake, spec: SimChannelSpec = {}, announce = true): Json {
    const guild = this.requireGuild(guildId);
    this.channelCounter += 1;
    const type = Number(spec.type ?? 0);
    const id = spec.id ?? this.ids.next();
    const name = spec.name ?? `channel-${this.channelCounter}`;
    let channel: Json;
    if (isThreadType(type)) {
      if (!spec.parentId) throw new Error('Discord simulator: a thread needs parentId');
      channel = this.threadObject({
        id,
        guildId,
        parentId: spec.parentId,
        name,
        type,
        ownerId: spec.ownerId ?? this.botUser.id,
      });
    } else {
      channel = this.guildChannelObject({ id, guildId, name, type, parentId: spec.parentId ?? null });
      channel['permission_overwrites'] = (spec.permissionOverwrites ?? []).map((overwrite) => ({
        id: overwrite.id,
        type: overwrite.type === 'member' ? 1 : 0,
        allow: toPermissionBits(overwrite.allow ?? 0n).toString(),
        deny: toPermissionBits(overwrite.deny ?? 0n).toString(),
      }));
    }
    this.channels.set(id, channel);
    if (announce) {
      const event = isThreadType(type) ? 'THREAD_CREATE' : 'CHANNEL_CREATE';
      const d = isThreadType(type)
        ? { ...structuredClone(channel), newly_created: true }
        : structuredClone(channel);
      this.dispatch({ t: event, d, guildId: guild.id, intent: Intent.Guilds });
    }
    this.signal.notify();
    return channel;
  }

  /** The DM channel between a user and the bot, created on first use (Discord sends no event for it). */
  dmChannelFor(user: APIUser | Snowflake): Json {
    const stored = this.requireUser(user);
    const existing = this.dmChannelByUser.get(stored.id);
    if (existing) return this.requireChannel(existing);
    const channel: Json = {
      id: this.ids.next(),
      type: 1,
      last_message_id: null,
      flags: 0,
      recipients: [structuredClone(stored)],
    };
    this.channels.set(channel['id'] as string, channel);
    this.dmChannelByUser.set(stored.id, channel['id'] as string);
    this.signal.notify();
    return channel;
  }

  /** A thread record with every field Discord sends (thread_metadata included). */
  threadObject(options: {
    id: Snowflake;
    guildId: Snowflake;
    parentId: Snowflake;
    name: string;
    type: number;
    ownerId: Snowflake;
    autoArchiveDuration?: number;
  }): Json {
    const now = new Date().toISOString();
    return {
      id: options.id,
      type: options.type,
      guild_id: options.guildId,
      parent_id: options.parentId,
      owner_id: options.ownerId,
      name: options.name,
      last_message_id: null,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      applied_tags: [],
      thread_metadata: {
        archived: false,
        auto_archive_duration: options.autoArchiveDuration ?? 1440,
        archive_timestamp: now,
        locked: false,
        create_timestamp: now,
        ...(options.type === 12 ? { invitable: true } : {}),
      },
    };
  }

  private guildChannelObject(options: {
    id: Snowflake;
    guildId: Snowflake;
    name: string;
    type: number;
    parentId: Snowflake | null;
  }): Json {
    const position = [...this.channels.values()].filter(
      (channel) => channel['guild_id'] === options.guildId && !isThreadType(Number(channel['type'])),
    ).length;
    const base: Json = {
      id: options.id,
      type: options.type,
      guild_id: options.guildId,
      name: options.name,
      position,
      permission_overwrites: [],
      parent_id: options.parentId,
      nsfw: false,
      flags: 0,
    };
    switch (options.type) {
      case 4:
        return base;
      case 2:
      case 13:
        return {
          ...base,
          bitrate: 64000,
          user_limit: 0,
          rtc_region: null,
          last_message_id: null,
          rate_limit_per_user: 0,
        };
      case 15:
      case 16:
        return {
          ...base,
          topic: null,
          last_message_id: null,
          rate_limit_per_user: 0,
          default_thread_rate_limit_per_user: 0,
          available_tags: [],
          default_reaction_emoji: null,
          default_sort_order: null,
          default_forum_layout: 0,
        };
      default:
        return {
          ...base,
          topic: null,
          last_message_id: null,
          last_pin_timestamp: null,
          rate_limit_per_user: 0,
          default_thread_rate_limit_per_user: 0,
        };
    }
  }

  private roleObject(id: Snowflake, name: string, position: number, permissions: bigint): APIRole {
    return {
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
  }

  private memberRecord(userId: Snowflake, roles: Snowflake[], options: SimMemberOptions): MemberRecord {
    return {
      userId,
      roles: [...roles],
      nick: options.nick ?? null,
      joinedAt: new Date().toISOString(),
      permissionsOverride:
        options.permissions === undefined ? undefined : toPermissionBits(options.permissions),
    };
  }

  /** Guild-level permissions of a member (override, else owner/Administrator/@everyone + roles). */
  memberPermissions(guild: GuildRecord, member: MemberRecord, rolesOverride?: readonly Snowflake[]): bigint {
    if (member.permissionsOverride !== undefined) return member.permissionsOverride;
    const roleIds = [guild.id, ...(rolesOverride ?? member.roles)];
    const bits = roleIds.map((id) => BigInt(guild.roles.get(id)?.permissions ?? '0'));
    return combineRolePermissions(bits, member.userId === guild.ownerId);
  }

  /**
   * The bot's permissions in a channel: guild level, then the channel's overwrites (a thread's are its
   * parent's), as Discord computes them. DMs get Discord's fixed DM set.
   */
  botPermissionsIn(channelId: Snowflake): bigint {
    const channel = this.channels.get(channelId);
    const guildId = channel?.['guild_id'];
    if (typeof guildId !== 'string') return DM_APP_PERMISSIONS;
    const guild = this.requireGuild(guildId);
    const bot = guild.members.get(this.botUser.id);
    if (!bot) return 0n;
    const base = this.memberPermissions(guild, bot);
    if (base === ALL_PERMISSIONS) return base;
    const parentId = channel?.['parent_id'];
    const overwritesFrom =
      isThreadType(Number(channel?.['type'])) && typeof parentId === 'string'
        ? this.channels.get(parentId)
        : channel;
    return applyOverwrites(base, overwritesFrom?.['permission_overwrites'], guild.id, bot.roles, bot.userId);
  }

  /** A full member object (user included unless `withUser` is false). */
  memberObject(
    guild: GuildRecord,
    member: MemberRecord,
    options: { withUser?: boolean; permissions?: bigint; roles?: readonly Snowflake[] } = {},
  ): APIGuildMember {
    const object: APIGuildMember & { permissions?: string; unusual_dm_activity_until?: null } = {
      user: structuredClone(this.requireUser(member.userId)),
      nick: member.nick,
      avatar: null,
      banner: null,
      roles: [...(options.roles ?? member.roles)],
      joined_at: member.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    };
    if (options.permissions !== undefined) object.permissions = options.permissions.toString();
    if (options.withUser === false) delete (object as Partial<APIGuildMember>).user;
    return object;
  }

  /** The guild object `GET /guilds/:id` returns. */
  guildObject(guild: GuildRecord): Json {
    const firstText = [...this.channels.values()].find(
      (channel) => channel['guild_id'] === guild.id && channel['type'] === 0,
    );
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [...guild.roles.values()].map((role) => structuredClone(role)),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: firstText?.['id'] ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      nsfw: false,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  /** The GUILD_CREATE payload: the guild plus channels, active threads, members, counts. */
  guildCreateObject(guild: GuildRecord, includeAllMembers: boolean): Json {
    const channels = [...this.channels.values()].filter((channel) => channel['guild_id'] === guild.id);
    const members = [...guild.members.values()].filter(
      (member) => includeAllMembers || member.userId === this.botUser.id,
    );
    return {
      ...this.guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      lazy: true,
      member_count: guild.members.size,
      voice_states: [],
      members: members.map((member) => this.memberObject(guild, member)),
      channels: channels
        .filter((channel) => !isThreadType(Number(channel['type'])))
        .map((channel) => structuredClone(channel)),
      threads: channels
        .filter(
          (channel) =>
            isThreadType(Number(channel['type'])) && !(channel['thread_metadata'] as Json)['archived'],
        )
        .map((channel) => structuredClone(channel)),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      activity_instances: [],
      application_command_counts: {},
      hub_type: null,
      home_header: null,
      latest_onboarding_question_id: null,
      version: Date.now(),
    };
  }

  /** A copy of a channel as the API returns it. */
  channelObject(channelId: Snowflake): APIChannel | undefined {
    const channel = this.channels.get(channelId);
    return channel ? (structuredClone(channel) as unknown as APIChannel) : undefined;
  }

  /** Time of a snowflake, for `timestamp` fields. */
  timestampOf(id: Snowflake): string {
    return isoTimestampOf(id);
  }
}

/** Discord's overwrite order: @everyone, then the member's roles together, then the member. */
function applyOverwrites(
  base: bigint,
  overwrites: unknown,
  everyoneId: Snowflake,
  roleIds: readonly Snowflake[],
  userId: Snowflake,
): bigint {
  const list = (Array.isArray(overwrites) ? overwrites : []) as Array<{
    id: string;
    type: number;
    allow: string;
    deny: string;
  }>;
  let bits = base;
  const apply = (allow: bigint, deny: bigint): void => {
    bits = (bits & ~deny) | allow;
  };
  const everyone = list.find((overwrite) => overwrite.id === everyoneId);
  if (everyone) apply(BigInt(everyone.allow), BigInt(everyone.deny));
  const roles = list.filter((overwrite) => overwrite.type === 0 && roleIds.includes(overwrite.id));
  apply(
    roles.reduce((all, overwrite) => all | BigInt(overwrite.allow), 0n),
    roles.reduce((all, overwrite) => all | BigInt(overwrite.deny), 0n),
  );
  const member = list.find((overwrite) => overwrite.type === 1 && overwrite.id === userId);
  if (member) apply(BigInt(member.allow), BigInt(member.deny));
  return bits;
}
