import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIMessage,
  APIUser,
} from 'discord.js';
import type { CommandRegistry } from './application-commands.js';
import { type DiscordHttpError, discordErrors, FormErrorCollector } from './discord-errors.js';
import {
  MessageFlag,
  textInputsOf,
  validateAutocompleteChoices,
  validateMessagePayload,
  validateModal,
} from './message-validation.js';
import { requireEmbedLinksFor } from './embed-permission.js';
import type { MessageEdit, MessageStore } from './messages.js';
import { toPermissionBits } from './permissions.js';
import type {
  AutocompleteOptions,
  ComponentInteractionOptions,
  InteractionHandle,
  InteractionResponse,
  PermissionsInput,
  SlashCommandOptions,
  Snowflake,
} from './types.js';
import type { Json, World } from './world.js';

/** Interaction types (Discord's documented values). */
const InteractionKind = {
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

/** Callback types (Discord's documented values). */
const Callback = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
} as const;

/** Which callbacks each interaction type accepts. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionKind.ApplicationCommand]: [4, 5, 9],
  [InteractionKind.MessageComponent]: [4, 5, 6, 7, 9],
  [InteractionKind.Autocomplete]: [8],
  [InteractionKind.ModalSubmit]: [4, 5, 6, 7],
};

/** Option types (Discord's documented values). */
const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
} as const;

/** What a REST handler answers. */
export interface HandlerResult {
  status: number;
  body?: unknown;
}

/** An uploaded file, reduced to what a message attachment needs. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

interface InteractionState {
  id: Snowflake;
  token: string;
  type: number;
  payload: Json;
  user: APIUser;
  channelId: Snowflake;
  createdAt: number;
  acknowledged: boolean;
  callbackType: number | undefined;
  /** The message `@original` refers to: the response (4/5) or the clicked message (6/7). */
  originalMessageId: Snowflake | undefined;
  /** True while a type-5 deferral has not been filled in yet. */
  loading: boolean;
  ephemeral: boolean | undefined;
  followUpIds: Snowflake[];
  responses: InteractionResponse[];
  lastChangeAt: number;
  modal: Json | undefined;
  choices: APIApplicationCommandOptionChoice[] | undefined;
}

/** Where an interaction happens and as whom. */
interface InteractionContext {
  user: APIUser;
  guildId: Snowflake | undefined;
  channelId: Snowflake;
  memberPermissions?: PermissionsInput;
  roles?: Snowflake[];
  locale?: string;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts the `options | user` argument of component helpers. */
export function componentOptions(
  input: ComponentInteractionOptions | APIUser | undefined,
): ComponentInteractionOptions {
  if (input && 'id' in input && 'username' in input) return { user: input };
  return input ?? {};
}

/**
 * Creates interactions the way Discord does (complete INTERACTION_CREATE payloads) and answers the
 * bot's callbacks and webhook calls for them, with Discord's acknowledgement rules.
 */
export class InteractionService {
  private readonly byId = new Map<Snowflake, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();

  constructor(
    private readonly world: World,
    private readonly messages: MessageStore,
    private readonly commands: CommandRegistry,
    private readonly settings: {
      applicationId: Snowflake;
      ackTimeoutMs: number;
      defaultUser: () => APIUser;
      defaultGuildId: () => Snowflake;
      defaultChannelId: () => Snowflake;
    },
  ) {}

  // ---- creating interactions (test side) ----

  runCommand(options: SlashCommandOptions): InteractionHandle {
    const context = this.contextFor(options);
    const command = this.commands.find(options.name, context.guildId);
    const data = this.commandData(options, command, context, undefined);
    return this.start(InteractionKind.ApplicationCommand, context, { data });
  }

  autocomplete(options: AutocompleteOptions): Promise<APIApplicationCommandOptionChoice[]> {
    const context = this.contextFor(options);
    const command = this.commands.find(options.name, context.guildId);
    const data = this.commandData({ ...options, options: options.options ?? {} }, command, context, {
      name: options.focusedOption,
      value: options.value,
    });
    const handle = this.start(InteractionKind.Autocomplete, context, { data });
    const state = this.byId.get(handle.id) as InteractionState;
    return this.world.signal.waitFor(
      () => {
        const rejected = state.responses.find((response) => response.status >= 400);
        if (rejected)
          throw new Error(
            `Discord simulator: the bot's autocomplete response was rejected (${rejected.status}): ${JSON.stringify(rejected.body)}`,
          );
        if (state.callbackType !== undefined && state.callbackType !== Callback.AutocompleteResult) {
          throw new Error(
            `Discord simulator: autocomplete answered with callback type ${state.callbackType}`,
          );
        }
        return state.choices;
      },
      options.timeoutMs ?? 3000,
      `autocomplete choices for /${options.name} ${options.focusedOption}`,
    );
  }

  clickButton(
    message: APIMessage | Snowflake,
    customId: string,
    options: ComponentInteractionOptions,
  ): InteractionHandle {
    const stored = this.messages.require(typeof message === 'string' ? message : message.id);
    const component = findComponent(stored['components'], customId);
    if (!component || Number(component['type']) !== 2)
      throw new Error(
        `Discord simulator: message ${String(stored['id'])} has no button with custom_id "${customId}"`,
      );
    if (component['disabled'] === true)
      throw new Error(`Discord simulator: button "${customId}" is disabled; a user cannot click it`);
    return this.componentInteraction(stored, { custom_id: customId, component_type: 2 }, options);
  }

  select(
    message: APIMessage | Snowflake,
    customId: string,
    values: string[],
    options: ComponentInteractionOptions,
  ): InteractionHandle {
    const stored = this.messages.require(typeof message === 'string' ? message : message.id);
    const component = findComponent(stored['components'], customId);
    if (!component || Number(component['type']) !== 3)
      throw new Error(
        `Discord simulator: message ${String(stored['id'])} has no string select with custom_id "${customId}"`,
      );
    if (component['disabled'] === true)
      throw new Error(`Discord simulator: select "${customId}" is disabled`);
    const offered = (Array.isArray(component['options']) ? component['options'] : []).map((option: Json) =>
      String(option['value']),
    );
    const unknown = values.filter((value) => !offered.includes(value));
    if (unknown.length > 0)
      throw new Error(`Discord simulator: select "${customId}" offers no option(s) ${unknown.join(', ')}`);
    const min = Number(component['min_values'] ?? 1);
    const max = Number(component['max_values'] ?? 1);
    if (values.length < min || values.length > max)
      throw new Error(
        `Discord simulator: select "${customId}" takes ${min}–${max} values, got ${values.length}`,
      );
    return this.componentInteraction(stored, { custom_id: customId, component_type: 3, values }, options);
  }

  submitModal(
    interaction: InteractionHandle,
    values: Record<string, string | string[]>,
    options: ComponentInteractionOptions,
  ): InteractionHandle {
    const origin = this.byId.get(interaction.id);
    if (!origin?.modal) throw new Error('Discord simulator: that interaction did not open a modal');
    const modal = origin.modal;
    const modalComponents = Array.isArray(modal['components']) ? (modal['components'] as unknown[]) : [];
    const inputs = textInputsOf(modalComponents).map(([, input]) => input);
    const selects = modalSelectsOf(modalComponents, values);
    const known = new Set([...inputs, ...selects].map((input) => String(input['custom_id'])));
    const unknown = Object.keys(values).filter((key) => !known.has(key));
    if (unknown.length > 0)
      throw new Error(`Discord simulator: the modal has no text input(s) ${unknown.join(', ')}`);
    for (const input of inputs) {
      if (input['required'] !== false && !(String(input['custom_id']) in values)) {
        throw new Error(`Discord simulator: text input "${String(input['custom_id'])}" is required`);
      }
    }
    const submitted = modalComponents.filter(isObject).map((component) => {
      const fill = (input: Json): Json => ({
        type: 4,
        id: input['id'] ?? 0,
        custom_id: input['custom_id'],
        value: String(values[String(input['custom_id'])] ?? ''),
      });
      if (Number(component['type']) === 18 && isObject(component['component'])) {
        const child = component['component'];
        if (Number(child['type']) === 3) {
          const picked = values[String(child['custom_id'])] ?? [];
          const submittedValues = Array.isArray(picked) ? picked : [picked];
          return {
            type: 18,
            id: component['id'] ?? 0,
            component: {
              type: 3,
              id: child['id'] ?? 0,
              custom_id: child['custom_id'],
              values: submittedValues,
            },
          };
        }
        return { type: 18, id: component['id'] ?? 0, component: fill(component['component']) };
      }
      const children = (Array.isArray(component['components']) ? component['components'] : [])
        .filter(isObject)
        .map(fill);
      return { type: 1, id: component['id'] ?? 0, components: children };
    });
    const context: InteractionContext = {
      user: options.user ?? origin.user,
      guildId: (origin.payload['guild_id'] as string | undefined) ?? undefined,
      channelId: origin.channelId,
      ...(options.memberPermissions !== undefined ? { memberPermissions: options.memberPermissions } : {}),
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    };
    const extra: Json = { data: { custom_id: modal['custom_id'], components: submitted } };
    if (origin.type === InteractionKind.MessageComponent && isObject(origin.payload['message'])) {
      const current = this.messages.get(String(origin.payload['message']['id']));
      extra['message'] = structuredClone(current ?? origin.payload['message']);
    }
    return this.start(InteractionKind.ModalSubmit, context, extra);
  }

  private componentInteraction(
    message: Json,
    data: Json,
    options: ComponentInteractionOptions,
  ): InteractionHandle {
    const channelId = String(message['channel_id']);
    const channel = this.world.requireChannel(channelId);
    const context: InteractionContext = {
      user: options.user ?? this.settings.defaultUser(),
      guildId: typeof channel['guild_id'] === 'string' ? channel['guild_id'] : undefined,
      channelId,
      ...(options.memberPermissions !== undefined ? { memberPermissions: options.memberPermissions } : {}),
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    };
    return this.start(InteractionKind.MessageComponent, context, { data, message: structuredClone(message) });
  }

  private contextFor(options: SlashCommandOptions | AutocompleteOptions): InteractionContext {
    const user = options.user ?? this.settings.defaultUser();
    if (options.dm) {
      const channel = this.world.dmChannelFor(user);
      return {
        user,
        guildId: undefined,
        channelId: String(channel['id']),
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
      };
    }
    const guildId = options.guildId ?? this.settings.defaultGuildId();
    const channelId =
      options.channelId ??
      (options.guildId === undefined
        ? this.settings.defaultChannelId()
        : firstTextChannel(this.world, guildId));
    return {
      user,
      guildId,
      channelId,
      ...(options.memberPermissions !== undefined ? { memberPermissions: options.memberPermissions } : {}),
      ...(options.roles !== undefined ? { roles: options.roles } : {}),
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    };
  }

  /** Builds `data` of a chat-input command (or autocomplete, with `focused`). */
  private commandData(
    options: SlashCommandOptions,
    command: APIApplicationCommand | undefined,
    context: InteractionContext,
    focused: { name: string; value: string } | undefined,
  ): Json {
    const resolved: Json = {};
    let leafDefinitions: readonly APIApplicationCommandOption[] | undefined = command
      ? (command.options ?? [])
      : undefined;
    const wrap: Array<{ name: string; type: number }> = [];
    if (options.subcommandGroup !== undefined) {
      if (options.subcommand === undefined)
        throw new Error('Discord simulator: subcommandGroup needs subcommand');
      wrap.push({ name: options.subcommandGroup, type: OptionType.SubcommandGroup });
      leafDefinitions = findOptionDefinitions(leafDefinitions, options.subcommandGroup, options.name);
    }
    if (options.subcommand !== undefined) {
      wrap.push({ name: options.subcommand, type: OptionType.Subcommand });
      leafDefinitions = findOptionDefinitions(leafDefinitions, options.subcommand, options.name);
    }

    let leaf: APIApplicationCommandInteractionDataOption[];
    if (Array.isArray(options.options)) {
      leaf = structuredClone(options.options);
    } else {
      const values: Record<string, string | number | boolean> = { ...(options.options ?? {}) };
      if (focused) values[focused.name] = focused.value;
      leaf = Object.entries(values).map(([name, value]) => {
        const definition = leafDefinitions?.find((candidate) => candidate.name === name);
        if (leafDefinitions && !definition)
          throw new Error(`Discord simulator: /${options.name} has no option "${name}"`);
        const type = definition ? Number(definition.type) : inferOptionType(value);
        const option = {
          name,
          type,
          value: focused?.name === name ? String(value) : coerceOptionValue(value, type, name),
        } as Json;
        if (focused?.name === name) option['focused'] = true;
        else this.resolveOption(option, type, context, resolved);
        return option as unknown as APIApplicationCommandInteractionDataOption;
      });
      if (leafDefinitions && !focused) {
        for (const definition of leafDefinitions) {
          if ('required' in definition && definition.required && !(definition.name in values)) {
            throw new Error(`Discord simulator: /${options.name} requires option "${definition.name}"`);
          }
        }
      }
    }
    let tree: unknown[] = leaf;
    for (const level of [...wrap].reverse()) tree = [{ name: level.name, type: level.type, options: tree }];

    const data: Json = {
      id: command?.id ?? this.syntheticCommandId(options.name),
      name: options.name,
      type: 1,
      ...(tree.length > 0 ? { options: tree } : {}),
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      ...(command && 'guild_id' in command && command.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return data;
  }

  private readonly syntheticIds = new Map<string, Snowflake>();

  private syntheticCommandId(name: string): Snowflake {
    const existing = this.syntheticIds.get(name);
    if (existing) return existing;
    const id = this.world.ids.next();
    this.syntheticIds.set(name, id);
    return id;
  }

  /** Fills `resolved` for user/channel/role/mentionable options, as Discord does. */
  private resolveOption(option: Json, type: number, context: InteractionContext, resolved: Json): void {
    const id = String(option['value']);
    const bucket = (key: string): Json => {
      const existing = resolved[key];
      if (isObject(existing)) return existing;
      const created: Json = {};
      resolved[key] = created;
      return created;
    };
    const guild = context.guildId ? this.world.guilds.get(context.guildId) : undefined;
    if (type === OptionType.User || (type === OptionType.Mentionable && this.world.users.has(id))) {
      bucket('users')[id] = structuredClone(this.world.requireUser(id));
      const member = guild?.members.get(id);
      if (guild && member) {
        bucket('members')[id] = this.world.memberObject(guild, member, {
          withUser: false,
          permissions: this.world.memberPermissions(guild, member),
        });
      }
    } else if (type === OptionType.Role || type === OptionType.Mentionable) {
      const role = guild?.roles.get(id);
      if (!role) throw new Error(`Discord simulator: role ${id} is not in the guild`);
      bucket('roles')[id] = structuredClone(role);
    } else if (type === OptionType.Channel) {
      const channel = this.world.requireChannel(id);
      bucket('channels')[id] = {
        id,
        name: channel['name'],
        type: channel['type'],
        permissions: this.world.botPermissionsIn(id).toString(),
        ...(channel['parent_id'] !== undefined ? { parent_id: channel['parent_id'] } : {}),
        ...(channel['thread_metadata'] ? { thread_metadata: channel['thread_metadata'] } : {}),
      };
    }
  }

  /** Registers the interaction, dispatches INTERACTION_CREATE and returns its handle. */
  private start(type: number, context: InteractionContext, extra: Json): InteractionHandle {
    const id = this.world.ids.next();
    const token = `aW50ZXJhY3Rpb246${id}:${randomBytes(48).toString('base64url')}`;
    const payload: Json = { ...this.basePayload(id, token, type, context), ...extra };
    const state: InteractionState = {
      id,
      token,
      type,
      payload,
      user: context.user,
      channelId: context.channelId,
      createdAt: Date.now(),
      acknowledged: false,
      callbackType: undefined,
      originalMessageId: undefined,
      loading: false,
      ephemeral: undefined,
      followUpIds: [],
      responses: [],
      lastChangeAt: Date.now(),
      modal: undefined,
      choices: undefined,
    };
    this.byId.set(id, state);
    this.byToken.set(token, state);
    this.world.dispatch({
      t: 'INTERACTION_CREATE',
      d: structuredClone(payload),
      guildId: context.guildId ?? null,
      intent: null,
    });
    this.world.signal.notify();
    return new SimulatedInteractionHandle(state, this.messages, this.world);
  }

  private basePayload(id: Snowflake, token: string, type: number, context: InteractionContext): Json {
    const channel = this.world.requireChannel(context.channelId);
    const locale = context.locale ?? 'en-US';
    const common: Json = {
      id,
      application_id: this.settings.applicationId,
      type,
      token,
      version: 1,
      locale,
      entitlements: [],
      attachment_size_limit: 10_485_760,
      app_permissions: this.world.botPermissionsIn(context.channelId).toString(),
      channel_id: context.channelId,
    };
    if (context.guildId === undefined) {
      return {
        ...common,
        channel: { ...structuredClone(channel), recipients: [structuredClone(context.user)] },
        user: structuredClone(context.user),
        context: 1,
        authorizing_integration_owners: { '0': '0' },
      };
    }
    const guild = this.world.requireGuild(context.guildId);
    if (channel['guild_id'] !== guild.id)
      throw new Error(`Discord simulator: channel ${context.channelId} is not in guild ${guild.id}`);
    const member = guild.members.get(context.user.id);
    if (!member)
      throw new Error(
        `Discord simulator: user ${context.user.id} is not a member of guild ${guild.id}; use sim.addMember()`,
      );
    const permissions =
      context.memberPermissions !== undefined
        ? toPermissionBits(context.memberPermissions)
        : this.world.memberPermissions(guild, member, context.roles);
    return {
      ...common,
      channel: structuredClone(channel),
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      guild_locale: guild.preferredLocale,
      member: this.world.memberObject(guild, member, {
        permissions,
        ...(context.roles ? { roles: context.roles } : {}),
      }),
      context: 0,
      authorizing_integration_owners: { '0': guild.id },
    };
  }

  // ---- answering the bot (REST side) ----

  /** `POST /interactions/:id/:token/callback`. */
  callback(
    id: Snowflake,
    token: string,
    body: unknown,
    files: UploadedFile[],
    withResponse: boolean,
  ): HandlerResult {
    const state = this.byId.get(id);
    if (!state || state.token !== token) throw discordErrors.unknownInteraction();
    const payload = isObject(body) ? body : {};
    const callbackType = Number(payload['type']);
    const data = isObject(payload['data']) ? payload['data'] : {};
    return this.recorded(state, { kind: 'callback', callbackType, body }, () => {
      if (state.acknowledged) throw discordErrors.alreadyAcknowledged();
      if (Date.now() - state.createdAt > this.settings.ackTimeoutMs) throw discordErrors.unknownInteraction();
      if (!(ALLOWED_CALLBACKS[state.type] ?? []).includes(callbackType)) {
        const errors = new FormErrorCollector();
        errors.add(
          ['type'],
          'INTERACTION_CALLBACK_TYPE_INVALID',
          `Callback type ${callbackType} is not valid for interaction type ${state.type}`,
        );
        errors.throwIfAny();
      }
      let message: Json | undefined;
      switch (callbackType) {
        case Callback.ChannelMessageWithSource:
          validateMessagePayload(data, { creating: true, fileCount: files.length });
          requireEmbedLinksFor(this.world, state.channelId, data);
          message = this.createResponseMessage(state, data, files, false);
          break;
        case Callback.DeferredChannelMessageWithSource:
          message = this.createResponseMessage(
            state,
            { flags: Number(data['flags'] ?? 0) & MessageFlag.Ephemeral },
            [],
            true,
          );
          break;
        case Callback.DeferredUpdateMessage:
          state.originalMessageId = this.clickedMessageId(state);
          break;
        case Callback.UpdateMessage: {
          validateMessagePayload(data, { creating: false, fileCount: files.length });
          requireEmbedLinksFor(this.world, state.channelId, data);
          state.originalMessageId = this.clickedMessageId(state);
          message = this.messages.edit(state.originalMessageId, editFrom(this.world, data, files));
          break;
        }
        case Callback.AutocompleteResult:
          validateAutocompleteChoices(data);
          state.choices = structuredClone(data['choices']) as APIApplicationCommandOptionChoice[];
          break;
        case Callback.Modal:
          validateModal(data);
          state.modal = structuredClone(data);
          break;
        default:
          throw new Error('unreachable: callback type was checked above');
      }
      state.acknowledged = true;
      state.callbackType = callbackType;
      const response = withResponse
        ? {
            interaction: {
              id: state.id,
              type: state.type,
              ...(message
                ? {
                    response_message_id: message['id'],
                    response_message_loading: state.loading,
                    response_message_ephemeral: state.ephemeral ?? false,
                  }
                : {}),
            },
            resource: { type: callbackType, ...(message ? { message: structuredClone(message) } : {}) },
          }
        : undefined;
      return { result: response ? { status: 200, body: response } : { status: 204 }, message };
    });
  }

  /** `/webhooks/:app/:token[/messages/:id]`: original response and follow-ups. */
  webhook(
    method: string,
    applicationId: Snowflake,
    token: string,
    messageId: string | undefined,
    body: unknown,
    files: UploadedFile[],
    wait: boolean,
  ): HandlerResult {
    const state = this.byToken.get(token);
    if (!state || applicationId !== this.settings.applicationId) throw discordErrors.unknownWebhook();
    const data = isObject(body) ? body : {};
    const isOriginal = messageId === '@original';
    if (messageId === undefined) {
      if (method !== 'POST') throw discordErrors.notFound();
      return this.recorded(state, { kind: 'followup', callbackType: undefined, body }, () => {
        if (!state.acknowledged) throw discordErrors.unknownWebhook();
        validateMessagePayload(data, { creating: true, fileCount: files.length });
        requireEmbedLinksFor(this.world, state.channelId, data);
        const message =
          state.loading && state.originalMessageId
            ? this.fillDeferred(state, data, files)
            : this.createFollowUp(state, data, files);
        return { result: wait ? { status: 200, body: structuredClone(message) } : { status: 204 }, message };
      });
    }
    const kind =
      method === 'PATCH'
        ? isOriginal
          ? 'edit-original'
          : 'edit-followup'
        : isOriginal
          ? 'delete-original'
          : 'delete-followup';
    const resolveTarget = (): Snowflake => {
      if (!state.acknowledged) throw discordErrors.unknownWebhook();
      const target = isOriginal ? state.originalMessageId : messageId;
      const allowed =
        target !== undefined && (target === state.originalMessageId || state.followUpIds.includes(target));
      if (!allowed || !this.messages.get(target)) throw discordErrors.unknownMessage();
      return target;
    };
    if (method === 'GET') {
      // Reads are not responses; answer without recording them in the handle.
      const target = resolveTarget();
      return { status: 200, body: structuredClone(this.messages.require(target)) };
    }
    if (method === 'PATCH') {
      return this.recorded(state, { kind, callbackType: undefined, body }, () => {
        const target = resolveTarget();
        validateMessagePayload(data, { creating: false, fileCount: files.length });
        requireEmbedLinksFor(this.world, state.channelId, data);
        const message =
          target === state.originalMessageId && state.loading
            ? this.fillDeferred(state, data, files)
            : this.applyEdit(target, data, files);
        return { result: { status: 200, body: structuredClone(message) }, message };
      });
    }
    if (method === 'DELETE') {
      return this.recorded(state, { kind, callbackType: undefined, body }, () => {
        const target = resolveTarget();
        this.messages.delete(target);
        if (target === state.originalMessageId) state.loading = false;
        return { result: { status: 204 }, message: undefined };
      });
    }
    throw discordErrors.notFound();
  }

  /** Runs a response handler and records its outcome (success or Discord error) on the handle. */
  private recorded(
    state: InteractionState,
    entry: Pick<InteractionResponse, 'kind' | 'callbackType' | 'body'>,
    run: () => { result: HandlerResult; message: Json | undefined },
  ): HandlerResult {
    try {
      const { result, message } = run();
      state.responses.push({
        ...entry,
        message: message ? (structuredClone(message) as unknown as APIMessage) : undefined,
        status: result.status,
        timestamp: Date.now(),
      });
      return result;
    } catch (error) {
      const status = (error as Partial<DiscordHttpError>).status ?? 500;
      state.responses.push({ ...entry, message: undefined, status, timestamp: Date.now() });
      throw error;
    } finally {
      state.lastChangeAt = Date.now();
      this.world.signal.notify();
    }
  }

  private clickedMessageId(state: InteractionState): Snowflake {
    const message = state.payload['message'];
    if (!isObject(message)) {
      const errors = new FormErrorCollector();
      errors.add(['type'], 'INTERACTION_CALLBACK_TYPE_INVALID', 'This interaction has no message to update');
      errors.throwIfAny();
    }
    return String((message as Json)['id']);
  }

  private responseMetadata(state: InteractionState): { interactionMetadata: Json; interaction: Json } {
    const owners = state.payload['authorizing_integration_owners'];
    const data = state.payload['data'] as Json;
    const interactionMetadata: Json = {
      id: state.id,
      type: state.type,
      user: structuredClone(state.user),
      authorizing_integration_owners: owners,
    };
    if (state.type === InteractionKind.ApplicationCommand) {
      interactionMetadata['name'] = data['name'];
      interactionMetadata['command_type'] = 1;
    }
    if (state.type === InteractionKind.MessageComponent && isObject(state.payload['message'])) {
      interactionMetadata['interacted_message_id'] = state.payload['message']['id'];
    }
    const interaction: Json = {
      id: state.id,
      type: state.type,
      name: String(data['name'] ?? data['custom_id'] ?? ''),
      user: structuredClone(state.user),
    };
    return { interactionMetadata, interaction };
  }

  private createResponseMessage(
    state: InteractionState,
    data: Json,
    files: UploadedFile[],
    deferred: boolean,
  ): Json {
    const flags = Number(data['flags'] ?? 0);
    const ephemeral = (flags & MessageFlag.Ephemeral) !== 0;
    const { interactionMetadata, interaction } = this.responseMetadata(state);
    const message = this.messages.create({
      channelId: state.channelId,
      author: this.world.botUser,
      content: deferred ? '' : (data['content'] as string | undefined),
      embeds: deferred ? [] : data['embeds'],
      components: deferred ? [] : data['components'],
      attachments: attachmentsFor(this.world, files, data),
      flags: deferred ? flags | MessageFlag.Loading : flags,
      type: state.type === InteractionKind.ApplicationCommand ? 20 : 0,
      tts: data['tts'] === true,
      ...(isObject(data['allowed_mentions']) ? { allowedMentions: data['allowed_mentions'] } : {}),
      webhookId: this.settings.applicationId,
      applicationId: this.settings.applicationId,
      interactionMetadata,
      interaction,
      ephemeral,
    });
    state.originalMessageId = String(message['id']);
    state.loading = deferred;
    state.ephemeral = ephemeral;
    return message;
  }

  private createFollowUp(state: InteractionState, data: Json, files: UploadedFile[]): Json {
    const flags = Number(data['flags'] ?? 0);
    const { interactionMetadata } = this.responseMetadata(state);
    const message = this.messages.create({
      channelId: state.channelId,
      author: this.world.botUser,
      content: data['content'] as string | undefined,
      embeds: data['embeds'],
      components: data['components'],
      attachments: attachmentsFor(this.world, files, data),
      flags,
      type: 0,
      tts: data['tts'] === true,
      ...(isObject(data['allowed_mentions']) ? { allowedMentions: data['allowed_mentions'] } : {}),
      webhookId: this.settings.applicationId,
      applicationId: this.settings.applicationId,
      interactionMetadata,
      ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
    });
    state.followUpIds.push(String(message['id']));
    return message;
  }

  /** The first edit or follow-up after a type-5 deferral turns the loading message into the answer. */
  private fillDeferred(state: InteractionState, data: Json, files: UploadedFile[]): Json {
    const target = state.originalMessageId as Snowflake;
    const current = this.messages.require(target);
    const edit = editFrom(this.world, data, files);
    const keptFlags = Number(current['flags'] ?? 0) & MessageFlag.Ephemeral;
    edit.flags = (Number(data['flags'] ?? 0) & ~MessageFlag.Ephemeral & ~MessageFlag.Loading) | keptFlags;
    ensureNotEmpty({ content: '', embeds: [], components: [], attachments: [] }, edit);
    state.loading = false;
    return this.messages.edit(target, edit, { markEdited: false });
  }

  private applyEdit(target: Snowflake, data: Json, files: UploadedFile[]): Json {
    const edit = editFrom(this.world, data, files);
    ensureNotEmpty(this.messages.require(target), edit);
    if (edit.flags !== undefined) {
      // Only SuppressEmbeds may change on edit; ephemerality is fixed at creation.
      const current = Number(this.messages.require(target)['flags'] ?? 0);
      edit.flags = (current & ~MessageFlag.SuppressEmbeds) | (edit.flags & MessageFlag.SuppressEmbeds);
    }
    return this.messages.edit(target, edit);
  }
}

/** The handle tests hold; reads live interaction state. */
class SimulatedInteractionHandle implements InteractionHandle {
  constructor(
    private readonly state: InteractionState,
    private readonly messages: MessageStore,
    private readonly world: World,
  ) {}

  get id(): Snowflake {
    return this.state.id;
  }

  get token(): string {
    return this.state.token;
  }

  get payload(): APIInteraction {
    return this.state.payload as unknown as APIInteraction;
  }

  get responses(): readonly InteractionResponse[] {
    return this.state.responses;
  }

  awaitResponse(timeoutMs = 5000): Promise<InteractionResponse> {
    return this.world.signal.waitFor(
      () => this.state.responses.find((response) => response.kind === 'callback' && response.status < 300),
      timeoutMs,
      `a response to interaction ${this.state.id}`,
    );
  }

  waitForResponses(count: number, timeoutMs = 5000): Promise<readonly InteractionResponse[]> {
    return this.world.signal.waitFor(
      () => (this.state.responses.length >= count ? this.state.responses : undefined),
      timeoutMs,
      `${count} responses to interaction ${this.state.id}`,
    );
  }

  finalMessage(options: { timeoutMs?: number; settleMs?: number } = {}): Promise<APIMessage> {
    const settleMs = options.settleMs ?? 150;
    return this.world.signal.waitFor(
      () => {
        const message = this.originalMessage();
        if (!message || this.state.loading || Date.now() - this.state.lastChangeAt < settleMs)
          return undefined;
        return message;
      },
      options.timeoutMs ?? 10_000,
      `the final response message of interaction ${this.state.id}`,
      Math.max(10, Math.min(settleMs, 25)),
    );
  }

  originalMessage(): APIMessage | undefined {
    if (this.state.originalMessageId === undefined || this.state.loading) return undefined;
    const message = this.messages.get(this.state.originalMessageId);
    return message ? (structuredClone(message) as unknown as APIMessage) : undefined;
  }

  followUps(): APIMessage[] {
    return this.state.followUpIds.flatMap((id) => {
      const message = this.messages.get(id);
      return message ? [structuredClone(message) as unknown as APIMessage] : [];
    });
  }

  isEphemeral(): boolean | undefined {
    return this.state.ephemeral;
  }

  modal(): unknown {
    return this.state.modal ? structuredClone(this.state.modal) : undefined;
  }
}

/** Turns a message body (+ uploaded files) into a store edit. */
function editFrom(world: World, data: Json, files: UploadedFile[]): MessageEdit {
  const edit: MessageEdit = {};
  if ('content' in data) edit.content = (data['content'] as string | null) ?? '';
  if ('embeds' in data) edit.embeds = data['embeds'] ?? [];
  if ('components' in data) edit.components = data['components'] ?? [];
  if ('flags' in data) edit.flags = Number(data['flags'] ?? 0);
  if (isObject(data['allowed_mentions'])) edit.allowedMentions = data['allowed_mentions'];
  if (files.length > 0 || Array.isArray(data['attachments']))
    edit.attachments = attachmentsFor(world, files, data);
  return edit;
}

/** Discord refuses an edit that would leave a message with nothing in it (50006). */
function ensureNotEmpty(current: Json, edit: MessageEdit): void {
  const content = edit.content !== undefined ? edit.content : current['content'];
  const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  const embeds = edit.embeds !== undefined ? edit.embeds : current['embeds'];
  const components = edit.components !== undefined ? edit.components : current['components'];
  const attachments = edit.attachments !== undefined ? edit.attachments : current['attachments'];
  if (
    !(typeof content === 'string' && content.length > 0) &&
    !nonEmpty(embeds) &&
    !nonEmpty(components) &&
    !nonEmpty(attachments)
  ) {
    throw discordErrors.emptyMessage();
  }
}

/** Attachment objects for uploaded files (descriptions taken from the body's `attachments`). */
export function attachmentsFor(world: World, files: UploadedFile[], data: Json): Json[] {
  const declared = Array.isArray(data['attachments']) ? (data['attachments'] as Json[]) : [];
  const uploaded = files.map((file, index) => {
    const id = world.ids.next();
    const meta = declared.find((attachment) => String(attachment['id']) === String(index)) ?? {};
    return {
      id,
      filename: file.filename,
      size: file.size,
      url: `https://cdn.discordapp.com/attachments/0/${id}/${encodeURIComponent(file.filename)}`,
      proxy_url: `https://media.discordapp.net/attachments/0/${id}/${encodeURIComponent(file.filename)}`,
      content_type: file.contentType,
      ...(typeof meta['description'] === 'string' ? { description: meta['description'] } : {}),
      content_scan_version: 0,
    };
  });
  // Attachments already on the message that the bot chose to keep (referenced by their real id).
  const kept = declared.filter((attachment) => typeof attachment['url'] === 'string');
  return [...kept, ...uploaded];
}

function findComponent(components: unknown, customId: string): Json | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const component of components) {
    if (!isObject(component)) continue;
    if (component['custom_id'] === customId) return component;
    const nested =
      findComponent(component['components'], customId) ??
      findComponent([component['component'], component['accessory']].filter(Boolean), customId);
    if (nested) return nested;
  }
  return undefined;
}

function findOptionDefinitions(
  definitions: readonly APIApplicationCommandOption[] | undefined,
  name: string,
  commandName: string,
): readonly APIApplicationCommandOption[] | undefined {
  if (!definitions) return undefined;
  const found = definitions.find((definition) => definition.name === name);
  if (!found) throw new Error(`Discord simulator: /${commandName} has no subcommand (group) "${name}"`);
  return 'options' in found ? (found.options ?? []) : [];
}

function inferOptionType(value: string | number | boolean): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function coerceOptionValue(
  value: string | number | boolean,
  type: number,
  name: string,
): string | number | boolean {
  switch (type) {
    case OptionType.Integer: {
      const number = Number(value);
      if (!Number.isInteger(number)) throw new Error(`Discord simulator: option "${name}" needs an integer`);
      return number;
    }
    case OptionType.Number: {
      const number = Number(value);
      if (Number.isNaN(number)) throw new Error(`Discord simulator: option "${name}" needs a number`);
      return number;
    }
    case OptionType.Boolean:
      return value === true || value === 'true';
    default:
      return String(value);
  }
}

function firstTextChannel(world: World, guildId: Snowflake): Snowflake {
  const channel = [...world.channels.values()].find(
    (candidate) => candidate['guild_id'] === guildId && candidate['type'] === 0,
  );
  if (!channel) throw new Error(`Discord simulator: guild ${guildId} has no text channel; pass channelId`);
  return String(channel['id']);
}

/**
 * The string selects inside a modal's labels (type 18 → type 3), checked as Discord checks them: the values
 * sent must be offered, within min/max, and a required select must be answered.
 */
function modalSelectsOf(components: readonly unknown[], values: Record<string, string | string[]>): Json[] {
  const selects = components
    .filter(isObject)
    .filter((component) => Number(component['type']) === 18 && isObject(component['component']))
    .map((component) => component['component'] as Json)
    .filter((child) => Number(child['type']) === 3);
  for (const select of selects) {
    const customId = String(select['custom_id']);
    const picked = values[customId];
    const list = picked === undefined ? [] : Array.isArray(picked) ? picked : [picked];
    const offered = (Array.isArray(select['options']) ? (select['options'] as Json[]) : []).map((option) =>
      String(option['value']),
    );
    const unknown = list.filter((value) => !offered.includes(value));
    if (unknown.length > 0)
      throw new Error(`Discord simulator: select "${customId}" offers no option(s) ${unknown.join(', ')}`);
    const min = select['required'] === false ? 0 : Number(select['min_values'] ?? 1);
    const max = Number(select['max_values'] ?? 1);
    if (list.length < min || list.length > max)
      throw new Error(
        `Discord simulator: select "${customId}" takes ${min}–${max} values, got ${list.length}`,
      );
  }
  return selects;
}
