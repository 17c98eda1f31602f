import type { AutocompleteInteraction, ChatInputCommandInteraction, SharedSlashCommand } from 'discord.js';

import type { BotServices } from '../services.js';

/** What a command definition may depend on (the same values for the bot and the deploy script). */
export interface CommandSettings {
  /** `MAX_QUESTION_LENGTH`: Discord enforces it on the `question` option before the bot sees it. */
  readonly maxQuestionLength: number;
}

/** One slash command: its definition and its handlers. */
export interface Command {
  /** Builds the definition that is registered with Discord. */
  readonly data: (settings: CommandSettings) => SharedSlashCommand;
  /** Hidden from non-admins by default and checked again on every use; refused in DMs. @default false */
  readonly adminOnly?: boolean;
  /** Subject to the per-user cooldown (`ASK_COOLDOWN_SECONDS`). @default false */
  readonly cooldown?: boolean;
  execute(interaction: ChatInputCommandInteraction, services: BotServices): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, services: BotServices): Promise<void>;
}
