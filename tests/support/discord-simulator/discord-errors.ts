/**
 * Discord-shaped REST errors. Route handlers throw {@link DiscordHttpError}; the server turns it into
 * the status + JSON body a real Discord would send, so discord.js raises a genuine `DiscordAPIError`.
 */

/** Nested `errors` object of a 50035 response: field path → `{ _errors: [...] }`. */
export type FormErrors = { [key: string]: FormErrors | Array<{ code: string; message: string }> };

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: FormErrors,
  ) {
    super(message);
    this.name = 'DiscordHttpError';
  }

  /** The JSON body Discord sends with this error. */
  toBody(): { message: string; code: number; errors?: FormErrors } {
    return this.errors
      ? { message: this.message, code: this.code, errors: this.errors }
      : { message: this.message, code: this.code };
  }
}

/** Collects field errors under their JSON path and turns them into one 50035 "Invalid Form Body". */
export class FormErrorCollector {
  private readonly root: FormErrors = {};
  private count = 0;

  /** Records `message` (with Discord's error `code`) at `path`, e.g. `['embeds', 0, 'title']`. */
  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node: FormErrors = this.root;
    for (const segment of path) {
      const key = String(segment);
      const next = node[key];
      if (next === undefined || Array.isArray(next)) {
        const created: FormErrors = {};
        node[key] = created;
        node = created;
      } else {
        node = next;
      }
    }
    const list = node['_errors'];
    if (Array.isArray(list)) list.push({ code, message });
    else node['_errors'] = [{ code, message }];
    this.count += 1;
  }

  /** Records a "too long" error the way Discord words it. */
  maxLength(path: ReadonlyArray<string | number>, max: number): void {
    this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  get hasErrors(): boolean {
    return this.count > 0;
  }

  /** Throws the collected errors as a 400 50035, if there are any. */
  throwIfAny(): void {
    if (this.hasErrors) throw new DiscordHttpError(400, 50035, 'Invalid Form Body', this.root);
  }
}

/** Shorthands for the errors the simulator produces, with Discord's real codes and messages. */
export const discordErrors = {
  unauthorized: () => new DiscordHttpError(401, 0, '401: Unauthorized'),
  missingAccess: () => new DiscordHttpError(403, 50001, 'Missing Access'),
  missingPermissions: () => new DiscordHttpError(403, 50013, 'Missing Permissions'),
  notFound: () => new DiscordHttpError(404, 0, '404: Not Found'),
  unknownChannel: () => new DiscordHttpError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => new DiscordHttpError(404, 10004, 'Unknown Guild'),
  unknownMember: () => new DiscordHttpError(404, 10007, 'Unknown Member'),
  unknownMessage: () => new DiscordHttpError(404, 10008, 'Unknown Message'),
  unknownUser: () => new DiscordHttpError(404, 10013, 'Unknown User'),
  unknownWebhook: () => new DiscordHttpError(404, 10015, 'Unknown Webhook'),
  unknownCommand: () => new DiscordHttpError(404, 10063, 'Unknown application command'),
  unknownInteraction: () => new DiscordHttpError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.'),
  emptyMessage: () => new DiscordHttpError(400, 50006, 'Cannot send an empty message'),
  nonTextChannel: () => new DiscordHttpError(400, 50008, 'Cannot send messages in a non-text channel'),
  wrongChannelType: () => new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type'),
  cannotEditOthersMessage: () =>
    new DiscordHttpError(403, 50005, 'Cannot edit a message authored by another user'),
  threadAlreadyExists: () =>
    new DiscordHttpError(400, 160004, 'A thread has already been created for this message'),
  invalidFormBody: (errors: FormErrors) => new DiscordHttpError(400, 50035, 'Invalid Form Body', errors),
} as const;
