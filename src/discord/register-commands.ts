import {
  REST,
  Routes,
  type RESTGetCurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord.js';

import type { DiscordConfig } from '../config/load-discord-config.js';
import type { Logger } from '../core/logger.js';
import { commandDefinitions } from './commands/index.js';

/** What {@link registerCommands} needs: the configuration (ids, REST base URL) and the bot token. */
export interface RegisterCommandsOptions {
  readonly config: DiscordConfig;
  readonly token: string;
  readonly logger: Logger;
}

/** Where the commands were registered, and which. */
export interface RegistrationResult {
  readonly applicationId: string;
  /** The server the commands were registered in; undefined for global registration. */
  readonly guildId?: string;
  readonly commandNames: readonly string[];
}

/**
 * Registers Kizuna's slash commands (replacing whatever was registered before): in one server when
 * `DISCORD_GUILD_ID` is set (instant, for development), globally otherwise. The application id is
 * `DISCORD_APPLICATION_ID`, or asked from Discord with the token.
 */
export async function registerCommands({
  config,
  token,
  logger,
}: RegisterCommandsOptions): Promise<RegistrationResult> {
  const rest = new REST({ api: config.discord.apiBaseUrl }).setToken(token);
  const applicationId =
    config.discord.applicationId ??
    ((await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult).id;
  const body = commandDefinitions({ maxQuestionLength: config.maxQuestionLength });
  const guildId = config.discord.guildId;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  logger.info({ applicationId, guildId, count: registered.length }, 'slash commands registered');
  return { applicationId, guildId, commandNames: registered.map((command) => command.name) };
}
