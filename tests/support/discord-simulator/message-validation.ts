import { discordErrors, FormErrorCollector } from './discord-errors.js';

/**
 * Discord's documented limits, enforced on everything the bot sends so that a bot which breaks them
 * fails in tests exactly as it would in production (400, code 50035 "Invalid Form Body").
 */
export const DiscordLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectPlaceholder: 150,
  selectOptions: 25,
  selectOptionText: 100,
  choices: 25,
  choiceText: 100,
  modalTitle: 45,
  textInputLabel: 45,
  textInputValue: 4000,
  threadName: 100,
} as const;

/** Message flag bits the simulator cares about. */
export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  HasThread: 1 << 5,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

/** What is being validated, which changes the emptiness rule. */
export interface MessageValidationContext {
  /** Creating (must not be empty) rather than editing. */
  creating: boolean;
  /** Files uploaded alongside (they count as content). */
  fileCount: number;
}

/** Throws Discord's 50035/50006 errors when a message payload (create, edit, webhook or callback data) breaks a limit. */
export function validateMessagePayload(body: unknown, context: MessageValidationContext): void {
  const errors = new FormErrorCollector();
  const payload = isObject(body) ? body : {};

  const content = payload['content'];
  if (content !== undefined && content !== null) {
    if (typeof content !== 'string')
      errors.add(['content'], 'STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    else if (textLength(content) > DiscordLimits.content)
      errors.maxLength(['content'], DiscordLimits.content);
  }

  validateEmbeds(payload['embeds'], errors);
  validateTopLevelComponents(payload['components'], Number(payload['flags'] ?? 0), errors);
  validateAllowedMentions(payload['allowed_mentions'], errors);
  errors.throwIfAny();

  if (context.creating && isEmptyMessage(payload, context.fileCount)) throw discordErrors.emptyMessage();
}

function isEmptyMessage(payload: Json, fileCount: number): boolean {
  const hasContent = typeof payload['content'] === 'string' && payload['content'].length > 0;
  const hasList = (key: string): boolean =>
    Array.isArray(payload[key]) && (payload[key] as unknown[]).length > 0;
  return (
    !hasContent &&
    !hasList('embeds') &&
    !hasList('components') &&
    !hasList('sticker_ids') &&
    !payload['poll'] &&
    fileCount === 0
  );
}

function validateEmbeds(embeds: unknown, errors: FormErrorCollector): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add(['embeds'], 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  if (embeds.length > DiscordLimits.embeds) errors.maxLength(['embeds'], DiscordLimits.embeds);
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    if (!isObject(embed)) return;
    const path = ['embeds', index];
    const check = (value: unknown, field: ReadonlyArray<string | number>, max: number): void => {
      total += textLength(value);
      if (textLength(value) > max) errors.maxLength([...path, ...field], max);
    };
    check(embed['title'], ['title'], DiscordLimits.embedTitle);
    check(embed['description'], ['description'], DiscordLimits.embedDescription);
    const footer = embed['footer'];
    if (isObject(footer)) check(footer['text'], ['footer', 'text'], DiscordLimits.embedFooterText);
    const author = embed['author'];
    if (isObject(author)) check(author['name'], ['author', 'name'], DiscordLimits.embedAuthorName);
    const fields = embed['fields'];
    if (Array.isArray(fields)) {
      if (fields.length > DiscordLimits.embedFields)
        errors.maxLength([...path, 'fields'], DiscordLimits.embedFields);
      fields.forEach((field: unknown, fieldIndex) => {
        if (!isObject(field)) return;
        for (const [key, max] of [
          ['name', DiscordLimits.embedFieldName],
          ['value', DiscordLimits.embedFieldValue],
        ] as const) {
          const value = field[key];
          if (typeof value !== 'string' || value.length === 0) {
            errors.add([...path, 'fields', fieldIndex, key], 'BASE_TYPE_REQUIRED', 'This field is required');
          } else {
            check(value, ['fields', fieldIndex, key], max);
          }
        }
      });
    }
  });
  if (total > DiscordLimits.embedTotal) {
    errors.add(
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${DiscordLimits.embedTotal}`,
    );
  }
}

function validateTopLevelComponents(components: unknown, flags: number, errors: FormErrorCollector): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.add(['components'], 'LIST_TYPE_CONVERT', 'Must be an array.');
    return;
  }
  const componentsV2 = (flags & MessageFlag.IsComponentsV2) !== 0;
  if (!componentsV2 && components.length > DiscordLimits.actionRows)
    errors.maxLength(['components'], DiscordLimits.actionRows);
  const seenCustomIds = new Set<string>();
  components.forEach((component: unknown, index) => {
    validateComponent(component, ['components', index], errors, seenCustomIds, !componentsV2);
  });
}

const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, TextInput: 4, Label: 18 } as const;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);
const LINK_BUTTON_STYLE = 5;
const PREMIUM_BUTTON_STYLE = 6;

function validateComponent(
  component: unknown,
  path: Array<string | number>,
  errors: FormErrorCollector,
  seenCustomIds: Set<string>,
  mustBeActionRow: boolean,
): void {
  if (!isObject(component)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = Number(component['type']);
  if (mustBeActionRow && type !== ComponentType.ActionRow) {
    errors.add(
      [...path, 'type'],
      'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
      'Top-level components must be action rows',
    );
    return;
  }
  if (type === ComponentType.ActionRow) {
    const children = component['components'];
    if (!Array.isArray(children) || children.length === 0) {
      errors.add([...path, 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    if (children.length > DiscordLimits.componentsPerRow)
      errors.maxLength([...path, 'components'], DiscordLimits.componentsPerRow);
    const hasSelect = children.some(
      (child: unknown) => isObject(child) && SELECT_TYPES.has(Number(child['type'])),
    );
    if (hasSelect && children.length > 1) {
      errors.add(
        [...path, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
    children.forEach((child: unknown, index) =>
      validateComponent(child, [...path, 'components', index], errors, seenCustomIds, false),
    );
    return;
  }
  validateCustomId(
    component,
    path,
    errors,
    seenCustomIds,
    type === ComponentType.Button && isLinkOrPremium(component),
  );
  if (type === ComponentType.Button) {
    if (textLength(component['label']) > DiscordLimits.buttonLabel)
      errors.maxLength([...path, 'label'], DiscordLimits.buttonLabel);
    if (Number(component['style']) === LINK_BUTTON_STYLE && typeof component['url'] !== 'string') {
      errors.add([...path, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  }
  if (SELECT_TYPES.has(type)) {
    if (textLength(component['placeholder']) > DiscordLimits.selectPlaceholder) {
      errors.maxLength([...path, 'placeholder'], DiscordLimits.selectPlaceholder);
    }
    if (type === ComponentType.StringSelect)
      validateSelectOptions(component['options'], [...path, 'options'], errors);
  }
  // Components V2 containers nest children under `components` (or a single `component`/`accessory`).
  const nested = component['components'];
  if (Array.isArray(nested)) {
    nested.forEach((child: unknown, index) =>
      validateComponent(child, [...path, 'components', index], errors, seenCustomIds, false),
    );
  }
  for (const key of ['component', 'accessory']) {
    if (isObject(component[key]))
      validateComponent(component[key], [...path, key], errors, seenCustomIds, false);
  }
}

function isLinkOrPremium(button: Json): boolean {
  const style = Number(button['style']);
  return style === LINK_BUTTON_STYLE || style === PREMIUM_BUTTON_STYLE;
}

function validateCustomId(
  component: Json,
  path: Array<string | number>,
  errors: FormErrorCollector,
  seenCustomIds: Set<string>,
  forbidden: boolean,
): void {
  const type = Number(component['type']);
  const interactive =
    type === ComponentType.Button || SELECT_TYPES.has(type) || type === ComponentType.TextInput;
  if (!interactive) return;
  const customId = component['custom_id'];
  if (forbidden) {
    if (customId !== undefined)
      errors.add(
        [...path, 'custom_id'],
        'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
        'A custom id is not allowed for link buttons',
      );
    return;
  }
  if (typeof customId !== 'string' || customId.length === 0) {
    errors.add([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (textLength(customId) > DiscordLimits.customId)
    errors.maxLength([...path, 'custom_id'], DiscordLimits.customId);
  if (seenCustomIds.has(customId)) {
    errors.add(
      [...path, 'custom_id'],
      'COMPONENT_CUSTOM_ID_DUPLICATED',
      'Component custom id cannot be duplicated',
    );
  }
  seenCustomIds.add(customId);
}

function validateSelectOptions(
  options: unknown,
  path: Array<string | number>,
  errors: FormErrorCollector,
): void {
  if (!Array.isArray(options) || options.length === 0) {
    errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (options.length > DiscordLimits.selectOptions) errors.maxLength(path, DiscordLimits.selectOptions);
  options.forEach((option: unknown, index) => {
    if (!isObject(option)) return;
    for (const key of ['label', 'value', 'description']) {
      if (textLength(option[key]) > DiscordLimits.selectOptionText)
        errors.maxLength([...path, index, key], DiscordLimits.selectOptionText);
    }
  });
}

function validateAllowedMentions(allowed: unknown, errors: FormErrorCollector): void {
  if (allowed === undefined || allowed === null) return;
  if (!isObject(allowed)) {
    errors.add(['allowed_mentions'], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const parse = allowed['parse'];
  if (parse !== undefined) {
    if (
      !Array.isArray(parse) ||
      parse.some((entry) => !['users', 'roles', 'everyone'].includes(String(entry)))
    ) {
      errors.add(
        ['allowed_mentions', 'parse'],
        'ENUM_TYPE_COERCE',
        'Value must be one of {"users", "roles", "everyone"}.',
      );
      return;
    }
    for (const kind of ['users', 'roles'] as const) {
      if (parse.includes(kind) && Array.isArray(allowed[kind]) && (allowed[kind] as unknown[]).length > 0) {
        errors.add(
          ['allowed_mentions'],
          'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
        );
      }
    }
  }
  for (const kind of ['users', 'roles'] as const) {
    const list = allowed[kind];
    if (Array.isArray(list) && list.length > 100) errors.maxLength(['allowed_mentions', kind], 100);
  }
}

/** Validates the `data` of an autocomplete result (callback type 8). */
export function validateAutocompleteChoices(data: unknown): void {
  const errors = new FormErrorCollector();
  const choices = isObject(data) ? data['choices'] : undefined;
  if (!Array.isArray(choices)) {
    errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
    errors.throwIfAny();
    return;
  }
  if (choices.length > DiscordLimits.choices) errors.maxLength(['data', 'choices'], DiscordLimits.choices);
  choices.forEach((choice: unknown, index) => {
    const path = ['data', 'choices', index];
    if (!isObject(choice)) {
      errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    const name = choice['name'];
    if (typeof name !== 'string' || name.length === 0)
      errors.add([...path, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
    else if (textLength(name) > DiscordLimits.choiceText)
      errors.maxLength([...path, 'name'], DiscordLimits.choiceText);
    const value = choice['value'];
    if (typeof value === 'string') {
      if (textLength(value) > DiscordLimits.choiceText)
        errors.maxLength([...path, 'value'], DiscordLimits.choiceText);
    } else if (typeof value !== 'number') {
      errors.add([...path, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
    }
  });
  errors.throwIfAny();
}

/** Validates the `data` of a modal (callback type 9). */
export function validateModal(data: unknown): void {
  const errors = new FormErrorCollector();
  const modal = isObject(data) ? data : {};
  const title = modal['title'];
  if (typeof title !== 'string' || title.length === 0)
    errors.add(['data', 'title'], 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (textLength(title) > DiscordLimits.modalTitle)
    errors.maxLength(['data', 'title'], DiscordLimits.modalTitle);
  const customId = modal['custom_id'];
  if (typeof customId !== 'string' || customId.length === 0)
    errors.add(['data', 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (textLength(customId) > DiscordLimits.customId)
    errors.maxLength(['data', 'custom_id'], DiscordLimits.customId);
  const components = modal['components'];
  if (!Array.isArray(components) || components.length === 0) {
    errors.add(['data', 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
  } else {
    if (components.length > DiscordLimits.actionRows)
      errors.maxLength(['data', 'components'], DiscordLimits.actionRows);
    for (const [index, input] of textInputsOf(components)) {
      const path = ['data', 'components', index];
      if (textLength(input['custom_id']) > DiscordLimits.customId)
        errors.maxLength([...path, 'custom_id'], DiscordLimits.customId);
      if (textLength(input['label']) > DiscordLimits.textInputLabel)
        errors.maxLength([...path, 'label'], DiscordLimits.textInputLabel);
      if (textLength(input['value']) > DiscordLimits.textInputValue)
        errors.maxLength([...path, 'value'], DiscordLimits.textInputValue);
    }
  }
  errors.throwIfAny();
}

/** Text inputs of a modal with the index of their top-level row/label, whichever layout the bot used. */
export function textInputsOf(components: readonly unknown[]): Array<[number, Json]> {
  const found: Array<[number, Json]> = [];
  components.forEach((component, index) => {
    if (!isObject(component)) return;
    const children = Array.isArray(component['components'])
      ? component['components']
      : [component['component']];
    for (const child of children) {
      if (isObject(child) && Number(child['type']) === ComponentType.TextInput) found.push([index, child]);
    }
  });
  return found;
}
