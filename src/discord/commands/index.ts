import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

import { askCommand } from './ask.js';
import type { Command, CommandSettings } from './command.js';
import { gapsCommand } from './gaps.js';
import { privacyCommand } from './privacy.js';
import { quoteCommand } from './quote.js';
import { reloadCommand } from './reload.js';
import { settingsCommand } from './settings.js';
import { sourcesCommand } from './sources.js';
import { statusCommand } from './status.js';

/** Every slash command, in one static list: the bot routes with it and the deploy script registers it. */
export const commands: readonly Command[] = [
  askCommand,
  quoteCommand,
  sourcesCommand,
  reloadCommand,
  statusCommand,
  gapsCommand,
  settingsCommand,
  privacyCommand,
];

/** The JSON bodies Discord registers (validated by the builders as they serialise). */
export function commandDefinitions(
  settings: CommandSettings,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => command.data(settings).toJSON());
}

/** Commands by registered name, for routing interactions. */
export function commandsByName(settings: CommandSettings): ReadonlyMap<string, Command> {
  return new Map(commands.map((command) => [command.data(settings).name, command]));
}
