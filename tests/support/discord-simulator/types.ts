/**
 * Public types of the local Discord simulator. Objects handed out (users, members, messages, channels)
 * use the real Discord API shapes from `discord-api-types` (re-exported by discord.js), so what a test
 * reads is exactly what the bot received or sent.
 */
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOptionChoice,
  APIChannel,
  APIGuildMember,
  APIInteraction,
  APIMessage,
  APIRole,
  APIUser,
  ChannelType,
  InteractionResponseType,
} from 'discord.js';

/** A Discord id: a 64-bit snowflake written in decimal. */
export type Snowflake = string;

/** A permission bit set, as a bigint or as the decimal string Discord uses on the wire. */
export type PermissionsInput = bigint | string;

/** What a test may say about a user; everything left out gets a realistic default. */
export interface SimUserSpec {
  /** @default a fresh snowflake */
  id?: Snowflake;
  /** @default `user<N>` */
  username?: string;
  /** @default null */
  globalName?: string | null;
  /** @default false */
  bot?: boolean;
}

/** A channel to create in a guild. */
export interface SimChannelSpec {
  /** @default a fresh snowflake */
  id?: Snowflake;
  /** @default `channel-<N>` */
  name?: string;
  /**
   * Channel type: 0 text, 2 voice, 4 category, 5 announcement, 11 public thread, 12 private thread, 15 forum.
   * @default ChannelType.GuildText (0)
   */
  type?: ChannelType;
  /** Parent category, or for threads the channel the thread lives in (required for threads). */
  parentId?: Snowflake;
  /** Thread owner (threads only). @default the bot */
  ownerId?: Snowflake;
  /**
   * Channel permission overwrites (not for threads, which follow their parent channel), applied as Discord
   * does: @everyone's, then the member's roles', then the member's own. For example, to deny the bot
   * Embed Links here: `[{ id: sim.botUserId, type: 'member', deny: PermissionFlagsBits.EmbedLinks }]`.
   * @default []
   */
  permissionOverwrites?: SimPermissionOverwrite[];
}

/** One permission overwrite on a channel: a role's (the guild id for @everyone) or a member's. */
export interface SimPermissionOverwrite {
  id: Snowflake;
  type: 'role' | 'member';
  /** @default 0 */
  allow?: PermissionsInput;
  /** @default 0 */
  deny?: PermissionsInput;
}

/** A role to create in a guild. */
export interface SimRoleSpec {
  /** @default a fresh snowflake */
  id?: Snowflake;
  /** @default `role-<N>` */
  name?: string;
  /** @default 0 (no permissions) */
  permissions?: PermissionsInput;
}

/** How a user belongs to a guild. */
export interface SimMemberOptions {
  /** Role ids (besides @everyone, which every member has implicitly). @default [] */
  roles?: Snowflake[];
  /**
   * When given, the member's guild permissions are exactly this (ignoring roles) — handy to model
   * "a user without Manage Server". When absent, permissions are computed from @everyone + roles.
   */
  permissions?: PermissionsInput;
  /** @default null */
  nick?: string | null;
}

/** A guild to seed the simulator with. */
export interface SimGuildSpec {
  /**
   * @default a fresh snowflake; generated ids are chosen so that the i-th guild lands on shard
   * `i % shardCount`, which makes sharding tests deterministic.
   */
  id?: Snowflake;
  /** @default `Guild <N>` */
  name?: string;
  /** @default the first member given, or the default user */
  ownerId?: Snowflake;
  /** @default one text channel named `general` */
  channels?: SimChannelSpec[];
  /** Roles besides @everyone (whose id equals the guild id). @default [] */
  roles?: SimRoleSpec[];
  /** Permissions of @everyone. @default view/send/read history/embed/attach/react/use commands/threads */
  everyonePermissions?: PermissionsInput;
  /**
   * Permissions of the bot's managed role in this guild.
   * @default view/send/read history/embed/attach/create threads/send in threads/manage threads
   */
  botPermissions?: PermissionsInput;
  /** Human members besides the bot (the default user joins the first guild automatically). @default [] */
  members?: Array<{ user: APIUser | SimUserSpec } & SimMemberOptions>;
  /** @default 'en-US' */
  preferredLocale?: string;
}

/** Options of {@link startDiscordSimulator}. */
export interface DiscordSimulatorOptions {
  /** @default one guild `Test Guild` with a text channel `general`, the bot and the default user */
  guilds?: SimGuildSpec[];
  /**
   * Shard count returned by `GET /gateway/bot` and used to route guilds: a guild belongs to shard
   * `(guild_id >> 22) % shardCount`. A shard that identifies with a different count is served with
   * its own count, as Discord does.
   * @default 1
   */
  shardCount?: number;
  /** @default `{ username: 'Kizuna', bot: true }` with a fresh id */
  botUser?: SimUserSpec;
  /** @default a fresh snowflake */
  applicationId?: Snowflake;
  /** The only token accepted; anything else gets 401 (REST) or close 4004 (gateway). @default a fixed fake token */
  token?: string;
  /** How long the bot has to acknowledge an interaction before 10062 Unknown interaction. @default 3000 */
  ackTimeoutMs?: number;
  /** Heartbeat interval announced in HELLO. @default 41250 */
  heartbeatIntervalMs?: number;
  /** `application.flags` in READY and `GET /applications/@me`. @default 0 */
  applicationFlags?: number;
  /** `session_start_limit.max_concurrency` of `GET /gateway/bot` (identify buckets in discord.js). @default 1 */
  maxConcurrency?: number;
}

/** One HTTP request the bot made, as the simulator saw it. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, without the query string, e.g. `/channels/123/messages`. */
  path: string;
  /** Query string parameters. */
  query: Record<string, string>;
  /** Request headers, lower-cased, with `authorization` removed. */
  headers: Record<string, string>;
  /** How the request authenticated: with the right bot token, a wrong one, or none (interaction/webhook routes). */
  auth: 'bot' | 'invalid' | 'none';
  /** Parsed JSON body (for multipart requests: the `payload_json` part), or undefined when empty. */
  body: unknown;
  /** Names of files uploaded with a multipart request. */
  files: string[];
  /** Route template that handled the request, e.g. `POST /channels/:channel/messages`; undefined when unknown. */
  route: string | undefined;
  /** HTTP status the simulator answered with. */
  status: number;
  /** Response body sent back. */
  response: unknown;
  /** `Date.now()` when the request arrived. */
  timestamp: number;
}

/** What a shard sent in IDENTIFY (the token itself is never kept). */
export interface IdentifyRecord {
  shardId: number;
  shardCount: number;
  /** Gateway intents bit field, e.g. to assert MessageContent was requested. */
  intents: number;
  /** Whether the token matched. */
  tokenValid: boolean;
  properties: Record<string, unknown>;
  compress: boolean;
  largeThreshold: number | undefined;
  presence: unknown;
  timestamp: number;
}

/** One RESUME attempt. */
export interface ResumeRecord {
  shardId: number;
  sessionId: string;
  /** Sequence number the client said it had seen. */
  seq: number | null;
  /** Whether the session could be resumed (otherwise INVALID_SESSION was sent). */
  resumed: boolean;
  /** Number of dispatches replayed. */
  replayed: number;
  timestamp: number;
}

/** A dispatch (op 0) sent — or queued for replay — to a shard's session. */
export interface DispatchRecord {
  shardId: number;
  sessionId: string;
  /** Event name, e.g. `MESSAGE_CREATE`. */
  t: string;
  s: number;
  d: unknown;
  /** Whether it went out live (false: session was disconnected; it waits for a RESUME). */
  delivered: boolean;
  timestamp: number;
}

/** How a bot answered an interaction, one entry per callback or webhook call, in arrival order. */
export interface InteractionResponse {
  /** What the call did (`get-original` is never recorded: reads are not responses). */
  kind:
    | 'callback'
    | 'get-original'
    | 'edit-original'
    | 'delete-original'
    | 'followup'
    | 'edit-followup'
    | 'delete-followup';
  /** Callback type for `kind: 'callback'` (4 reply, 5 deferred, 6 deferred update, 7 update, 8 autocomplete, 9 modal). */
  callbackType: InteractionResponseType | undefined;
  /** Raw JSON body the bot sent. */
  body: unknown;
  /** The message created or edited by this call, when there is one. */
  message: APIMessage | undefined;
  /** HTTP status answered (4xx entries record calls the simulator rejected). */
  status: number;
  timestamp: number;
}

/** A live interaction: its payload, and everything the bot did to answer it. */
export interface InteractionHandle {
  readonly id: Snowflake;
  readonly token: string;
  /** The exact INTERACTION_CREATE payload dispatched. */
  readonly payload: APIInteraction;
  /** Every response in arrival order, rejected ones included (see `status`). */
  readonly responses: readonly InteractionResponse[];
  /** Resolves with the first accepted callback (reply, defer, update, modal, autocomplete result). */
  awaitResponse(timeoutMs?: number): Promise<InteractionResponse>;
  /** Resolves once at least `count` responses (of any kind, accepted or not) were recorded. */
  waitForResponses(count: number, timeoutMs?: number): Promise<readonly InteractionResponse[]>;
  /**
   * Resolves with the original response message once it has real content (a reply, or an edit after a
   * deferral) and has then stayed unchanged for `settleMs`, so streamed edits are over.
   */
  finalMessage(options?: { timeoutMs?: number; settleMs?: number }): Promise<APIMessage>;
  /** Current state of the original response message, if any (undefined while only deferred, or after deletion). */
  originalMessage(): APIMessage | undefined;
  /** Follow-up messages, in creation order, in their latest state. */
  followUps(): APIMessage[];
  /** Whether the original response is ephemeral (flag 64), once known. */
  isEphemeral(): boolean | undefined;
  /** Modal the bot opened with callback type 9, if any (raw `data` of that callback). */
  modal(): unknown;
}

/** A new forum post typed by a (simulated) human. */
export interface ForumPostOptions {
  /** The forum channel (type 15). */
  channelId: Snowflake;
  /** The post's title (the thread's name). */
  title: string;
  content: string;
  /** @default the default user */
  author?: APIUser;
}

/** A message typed by a (simulated) human. */
export interface UserMessageOptions {
  /** @default the default channel; ignored when `dm` is set */
  channelId?: Snowflake;
  /** Send it in the author's DM channel with the bot instead. @default false */
  dm?: boolean;
  /** @default the default user */
  author?: APIUser;
  content: string;
  /** Mention the bot: prepends `<@botId> ` unless the content already mentions it. @default false */
  mentionsBot?: boolean;
  /** Message replied to: fills `message_reference` and `referenced_message`. */
  replyTo?: Snowflake | APIMessage;
  /** Whether a reply pings its author (adds them to `mentions`), as Discord's client does by default. @default true */
  pingRepliedAuthor?: boolean;
}

/** A slash command a (simulated) human runs. */
export interface SlashCommandOptions {
  name: string;
  /**
   * Option values by name (types are taken from the registered command when there is one, else
   * inferred: string 3, integer 4, non-integer number 10, boolean 5), or raw option objects.
   * @default {}
   */
  options?: Record<string, string | number | boolean> | APIApplicationCommandInteractionDataOption[];
  /** Subcommand name (options then belong to it). */
  subcommand?: string;
  /** Subcommand group name (requires `subcommand`). */
  subcommandGroup?: string;
  /** @default the default user */
  user?: APIUser;
  /** @default the default guild (unless `dm`) */
  guildId?: Snowflake;
  /** Run it in the user's DM with the bot (`user` instead of `member`, context 1). @default false */
  dm?: boolean;
  /** @default the default channel (or the DM channel) */
  channelId?: Snowflake;
  /** Overrides `member.permissions` for this interaction only. */
  memberPermissions?: PermissionsInput;
  /** Overrides `member.roles` for this interaction only. */
  roles?: Snowflake[];
  /** @default 'en-US' */
  locale?: string;
}

/** An autocomplete request while the user types an option. */
export interface AutocompleteOptions extends Omit<SlashCommandOptions, 'options'> {
  /** Name of the option being typed. */
  focusedOption: string;
  /** What the user has typed so far. */
  value: string;
  /** Other options already filled in. @default {} */
  options?: Record<string, string | number | boolean>;
  /** @default 3000 */
  timeoutMs?: number;
}

/** Where and as whom a component interaction happens. */
export interface ComponentInteractionOptions {
  /** @default the default user */
  user?: APIUser;
  /** Overrides `member.permissions` for this interaction only. */
  memberPermissions?: PermissionsInput;
  /** @default 'en-US' */
  locale?: string;
}

/** How to cut a shard's connection. */
export interface DisconnectOptions {
  /**
   * true: keep the session so RESUME works (dispatches meanwhile are queued and replayed);
   * false: forget the session so RESUME gets INVALID_SESSION and the client re-identifies.
   * @default true
   */
  resumable?: boolean;
  /** Close code; 1006 means drop the TCP connection without a close frame. @default 4000 */
  code?: number;
}

/** A canned failure for the next matching REST call(s), to test how the bot copes with Discord errors. */
export interface InjectedFailure {
  /** @default any method */
  method?: string;
  /** Matched against the path after `/api/v10`. */
  path: string | RegExp;
  /** @default 500 */
  status?: number;
  /** Discord JSON error code. @default 0 */
  code?: number;
  /** @default 'Injected failure' */
  message?: string;
  /** @default 1 */
  times?: number;
}

/** A running simulator. All ids are snowflake strings. */
export interface DiscordSimulator {
  /** REST base to pass as `new Client({ rest: { api: sim.restUrl } })`, e.g. `http://127.0.0.1:PORT/api`. */
  readonly restUrl: string;
  /** Gateway URL returned by `GET /gateway/bot`, e.g. `ws://127.0.0.1:PORT/gateway`. */
  readonly gatewayUrl: string;
  /** The bot token the simulator accepts. */
  readonly token: string;
  readonly applicationId: Snowflake;
  readonly botUserId: Snowflake;
  readonly botUser: APIUser;
  /** Shard count announced by `GET /gateway/bot`. */
  readonly shardCount: number;
  /** First guild. */
  readonly defaultGuildId: Snowflake;
  /** First text channel of the first guild. */
  readonly defaultChannelId: Snowflake;
  /** A human member of the first guild. */
  readonly defaultUser: APIUser;
  /** Ids of all guilds, in creation order. */
  readonly guildIds: readonly Snowflake[];
  /**
   * The bot's managed role in a guild (created when the bot joined, `managed: true`, `tags.bot_id` set),
   * e.g. to post `<@&roleId>`: a mention of the bot through its role. @default guildId the default guild
   */
  botRoleId(guildId?: Snowflake): Snowflake;

  /** Creates a user (not yet in any guild). */
  createUser(spec?: SimUserSpec): APIUser;
  /** Adds a user to a guild (dispatches GUILD_MEMBER_ADD) and returns the member object. */
  addMember(guildId: Snowflake, user: APIUser | Snowflake, options?: SimMemberOptions): APIGuildMember;
  /** Creates a role in a guild (dispatches GUILD_ROLE_CREATE). */
  createRole(guildId: Snowflake, spec?: SimRoleSpec): APIRole;
  /** Creates a channel or thread (dispatches CHANNEL_CREATE or THREAD_CREATE). */
  createChannel(guildId: Snowflake, spec?: SimChannelSpec): APIChannel;
  /** The DM channel between a user and the bot, created on first use. */
  dmChannelFor(user: APIUser | Snowflake): APIChannel;

  /** A human posts a message: stored and dispatched as MESSAGE_CREATE (resolves once sent to the shard). */
  userSendsMessage(options: UserMessageOptions): Promise<APIMessage>;
  /**
   * A human opens a new post in a forum channel: THREAD_CREATE for the post (a public thread owned by the
   * author), then MESSAGE_CREATE for its first message, whose id is the thread's. Resolves with the thread.
   */
  userCreatesForumPost(options: ForumPostOptions): Promise<APIChannel>;
  /** A human runs a slash command: dispatches INTERACTION_CREATE type 2. */
  userRunsCommand(options: SlashCommandOptions): InteractionHandle;
  /** A human clicks a button on a message the bot sent (throws if the message has no such button). */
  userClicksButton(
    message: APIMessage | Snowflake,
    customId: string,
    options?: ComponentInteractionOptions | APIUser,
  ): InteractionHandle;
  /** A human picks values in a string select menu on a message the bot sent. */
  userSelects(
    message: APIMessage | Snowflake,
    customId: string,
    values: string[],
    options?: ComponentInteractionOptions | APIUser,
  ): InteractionHandle;
  /**
   * A human submits the modal the bot opened on `interaction`, with text input values by custom_id; for a
   * string select inside a label, the picked option's value (or values) under the select's custom_id.
   */
  userSubmitsModal(
    interaction: InteractionHandle,
    values: Record<string, string | string[]>,
    options?: ComponentInteractionOptions | APIUser,
  ): InteractionHandle;
  /** A human types into an autocompleted option; resolves with the choices the bot returned. */
  userAutocompletes(options: AutocompleteOptions): Promise<APIApplicationCommandOptionChoice[]>;

  /** Every REST request so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests to routes the simulator does not know (answered 404) — assert this stays empty. */
  readonly unknownRequests: readonly RecordedRequest[];
  /** Every IDENTIFY received. */
  readonly identifies: readonly IdentifyRecord[];
  /** Every RESUME received. */
  readonly resumes: readonly ResumeRecord[];
  /** Every dispatch produced, per shard session. */
  readonly dispatches: readonly DispatchRecord[];

  /**
   * Resolves with the first truthy value `check` returns; re-checked whenever the simulator's state
   * changes (and every 25 ms). Rejects after `timeoutMs` (default 5000) naming `description`.
   */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs?: number, description?: string): Promise<T>;
  /** Resolves with the first (past or future) request matching. @default timeoutMs 5000 */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves once the shard has an open, identified (or resumed) connection. @default timeoutMs 5000 */
  waitForShardReady(shardId?: number, timeoutMs?: number): Promise<void>;

  /** Messages currently in a channel (oldest first; deleted ones excluded; ephemeral ones never appear). */
  messages(channelId: Snowflake): APIMessage[];
  /** A stored message by id, if it exists. */
  message(messageId: Snowflake): APIMessage | undefined;
  /** Every thread, in creation order. */
  threads(): APIChannel[];
  /** Channels and threads of a guild, in creation order. */
  guildChannels(guildId: Snowflake): APIChannel[];
  /** A channel (guild channel, thread or DM) by id. */
  channel(channelId: Snowflake): APIChannel | undefined;
  /** Commands registered by the bot: global when `guildId` is omitted. */
  commands(guildId?: Snowflake): APIApplicationCommand[];
  /** Which shard a guild belongs to: `(guild_id >> 22) % shardCount`. */
  shardForGuild(guildId: Snowflake, shardCount?: number): number;

  /** Cuts a shard's connection to test RESUME / re-IDENTIFY. Resolves once the socket is closed. */
  disconnectShard(shardId: number, options?: DisconnectOptions): Promise<void>;
  /** Makes the next matching REST call(s) fail with a Discord-like error. */
  injectFailure(failure: InjectedFailure): void;
  /** Closes every socket and both servers. Safe to call twice. */
  stop(): Promise<void>;
}
