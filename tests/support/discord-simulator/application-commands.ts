import type { APIApplicationCommand } from 'discord.js';
import { FormErrorCollector } from './discord-errors.js';
import type { Snowflake } from './types.js';
import type { Json, World } from './world.js';

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_COMMANDS = 100;
const MAX_OPTIONS = 25;
const MAX_CHOICES = 25;
const MAX_DESCRIPTION = 100;
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The bot's registered application commands (global and per guild), with the validation Discord
 * applies on registration so that a malformed command definition fails in tests, not in production.
 */
export class CommandRegistry {
  private readonly global: APIApplicationCommand[] = [];
  private readonly byGuild = new Map<Snowflake, APIApplicationCommand[]>();

  constructor(
    private readonly world: World,
    private readonly applicationId: Snowflake,
  ) {}

  list(guildId?: Snowflake): APIApplicationCommand[] {
    return structuredClone(guildId === undefined ? this.global : (this.byGuild.get(guildId) ?? []));
  }

  /** `PUT .../commands`: replaces the whole set (keeping ids of commands that survive, as Discord does). */
  overwrite(body: unknown, guildId?: Snowflake): APIApplicationCommand[] {
    const errors = new FormErrorCollector();
    if (!Array.isArray(body)) {
      errors.add([], 'LIST_TYPE_CONVERT', 'Must be an array.');
      errors.throwIfAny();
    }
    const definitions = body as unknown[];
    if (definitions.length > MAX_COMMANDS) errors.maxLength([], MAX_COMMANDS);
    definitions.forEach((definition, index) => validateCommand(definition, [index], errors));
    const keys = definitions
      .filter(isObject)
      .map((definition) => `${Number(definition['type'] ?? CHAT_INPUT)}:${String(definition['name'])}`);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index)
        errors.add(
          [index, 'name'],
          'APPLICATION_COMMANDS_DUPLICATE_NAME',
          'Application command names must be unique',
        );
    });
    errors.throwIfAny();
    const previous = this.listRef(guildId);
    const next = definitions.map((definition) => this.materialize(definition as Json, guildId, previous));
    previous.splice(0, previous.length, ...next);
    this.world.signal.notify();
    return structuredClone(next);
  }

  /** `POST .../commands`: creates or replaces one command by name and type. */
  upsert(body: unknown, guildId?: Snowflake): { command: APIApplicationCommand; created: boolean } {
    const errors = new FormErrorCollector();
    validateCommand(body, [], errors);
    errors.throwIfAny();
    const list = this.listRef(guildId);
    const definition = body as Json;
    const command = this.materialize(definition, guildId, list);
    const index = list.findIndex((existing) => existing.id === command.id);
    if (index === -1) list.push(command);
    else list[index] = command;
    this.world.signal.notify();
    return { command: structuredClone(command), created: index === -1 };
  }

  get(commandId: Snowflake, guildId?: Snowflake): APIApplicationCommand | undefined {
    const found = this.listRef(guildId).find((command) => command.id === commandId);
    return found ? structuredClone(found) : undefined;
  }

  /** `PATCH .../commands/:id`: merges the given fields into an existing command. */
  edit(commandId: Snowflake, body: unknown, guildId?: Snowflake): APIApplicationCommand | undefined {
    const list = this.listRef(guildId);
    const index = list.findIndex((command) => command.id === commandId);
    const existing = list[index];
    if (!existing) return undefined;
    const merged = { ...existing, ...(isObject(body) ? body : {}) } as Json;
    const errors = new FormErrorCollector();
    validateCommand(merged, [], errors);
    errors.throwIfAny();
    const updated = this.materialize(merged, guildId, list);
    list[index] = updated;
    this.world.signal.notify();
    return structuredClone(updated);
  }

  delete(commandId: Snowflake, guildId?: Snowflake): boolean {
    const list = this.listRef(guildId);
    const index = list.findIndex((command) => command.id === commandId);
    if (index === -1) return false;
    list.splice(index, 1);
    this.world.signal.notify();
    return true;
  }

  /** The command a user would run: the guild's own first, then the global one. */
  find(name: string, guildId: Snowflake | undefined, type = CHAT_INPUT): APIApplicationCommand | undefined {
    const matches = (command: APIApplicationCommand): boolean =>
      command.name === name && Number(command.type ?? CHAT_INPUT) === type;
    return (guildId ? this.byGuild.get(guildId)?.find(matches) : undefined) ?? this.global.find(matches);
  }

  private listRef(guildId?: Snowflake): APIApplicationCommand[] {
    if (guildId === undefined) return this.global;
    const existing = this.byGuild.get(guildId);
    if (existing) return existing;
    const created: APIApplicationCommand[] = [];
    this.byGuild.set(guildId, created);
    return created;
  }

  private materialize(
    definition: Json,
    guildId: Snowflake | undefined,
    existing: readonly APIApplicationCommand[],
  ): APIApplicationCommand {
    const type = Number(definition['type'] ?? CHAT_INPUT);
    const name = String(definition['name']);
    const previous = existing.find(
      (command) => command.name === name && Number(command.type ?? CHAT_INPUT) === type,
    );
    const command: Json = {
      id: previous?.id ?? this.world.ids.next(),
      application_id: this.applicationId,
      version: this.world.ids.next(),
      default_member_permissions: definition['default_member_permissions'] ?? null,
      type,
      name,
      name_localizations: definition['name_localizations'] ?? null,
      description: definition['description'] ?? '',
      description_localizations: definition['description_localizations'] ?? null,
      dm_permission: definition['dm_permission'] ?? true,
      contexts: definition['contexts'] ?? null,
      integration_types: definition['integration_types'] ?? [0],
      nsfw: definition['nsfw'] ?? false,
      ...(guildId ? { guild_id: guildId } : {}),
      ...(Array.isArray(definition['options']) ? { options: structuredClone(definition['options']) } : {}),
    };
    return command as unknown as APIApplicationCommand;
  }
}

function validateCommand(
  definition: unknown,
  path: Array<string | number>,
  errors: FormErrorCollector,
): void {
  if (!isObject(definition)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = Number(definition['type'] ?? CHAT_INPUT);
  validateName(definition['name'], [...path, 'name'], errors, type === CHAT_INPUT);
  const description = definition['description'];
  if (type === CHAT_INPUT) validateDescription(description, [...path, 'description'], errors);
  else if (typeof description === 'string' && description.length > 0) {
    errors.add(
      [...path, 'description'],
      'APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED',
      'Description must be empty for this command type',
    );
  }
  validateOptions(definition['options'], [...path, 'options'], errors, 0);
}

function validateName(
  name: unknown,
  path: Array<string | number>,
  errors: FormErrorCollector,
  lowercase: boolean,
): void {
  if (typeof name !== 'string' || name.length === 0) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  } else if (!NAME_PATTERN.test(name) || (lowercase && name !== name.toLowerCase())) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

function validateDescription(
  description: unknown,
  path: Array<string | number>,
  errors: FormErrorCollector,
): void {
  if (typeof description !== 'string' || description.length === 0)
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  else if ([...description].length > MAX_DESCRIPTION) errors.maxLength(path, MAX_DESCRIPTION);
}

function validateOptions(
  options: unknown,
  path: Array<string | number>,
  errors: FormErrorCollector,
  depth: number,
): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  if (options.length > MAX_OPTIONS) errors.maxLength(path, MAX_OPTIONS);
  let seenOptional = false;
  const names = new Set<string>();
  options.forEach((option: unknown, index) => {
    const optionPath = [...path, index];
    if (!isObject(option)) {
      errors.add(optionPath, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const type = Number(option['type']);
    if (!Number.isInteger(type) || type < 1 || type > 11)
      errors.add([...optionPath, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, ..., 11}.');
    validateName(option['name'], [...optionPath, 'name'], errors, true);
    validateDescription(option['description'], [...optionPath, 'description'], errors);
    const name = String(option['name']);
    if (names.has(name))
      errors.add(
        [...optionPath, 'name'],
        'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        'Option names must be unique',
      );
    names.add(name);
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) {
      if (depth >= (type === SUBCOMMAND_GROUP ? 1 : 2))
        errors.add(
          [...optionPath, 'type'],
          'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID',
          'Subcommands nest too deeply',
        );
      validateOptions(option['options'], [...optionPath, 'options'], errors, depth + 1);
      return;
    }
    if (option['required'] === true) {
      if (seenOptional)
        errors.add(
          [...optionPath, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
    } else {
      seenOptional = true;
    }
    const choices = option['choices'];
    if (Array.isArray(choices)) {
      if (option['autocomplete'] === true)
        errors.add(
          [...optionPath, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES',
          'Autocomplete cannot be used with choices',
        );
      if (choices.length > MAX_CHOICES) errors.maxLength([...optionPath, 'choices'], MAX_CHOICES);
      choices.forEach((choice: unknown, choiceIndex) => {
        if (!isObject(choice)) return;
        const name = choice['name'];
        if (typeof name !== 'string' || name.length === 0 || [...name].length > 100)
          errors.maxLength([...optionPath, 'choices', choiceIndex, 'name'], 100);
        const value = choice['value'];
        if (typeof value === 'string' && [...value].length > 100)
          errors.maxLength([...optionPath, 'choices', choiceIndex, 'value'], 100);
      });
    }
  });
}
