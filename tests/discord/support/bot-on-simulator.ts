import { Writable } from 'node:stream';

import { loadDiscordConfig, type DiscordConfig } from '../../../src/config/load-discord-config.js';
import { createLogger } from '../../../src/core/logger.js';
import type { KizunaCore } from '../../../src/core/types.js';
import { createBot, type Bot, type CreateBotOptions } from '../../../src/discord/create-bot.js';
import { registerCommands } from '../../../src/discord/register-commands.js';
import { noIdentifyThrottle } from '../../support/discord-simulator/client-options.js';
import {
  startDiscordSimulator,
  type DiscordSimulator,
  type DiscordSimulatorOptions,
} from '../../support/discord-simulator/index.js';
import { createFakeCore, type FakeCore } from '../../support/fake-core.js';

/** Structured log lines the bot wrote, parsed. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export interface BotOnSimulator<Core extends KizunaCore = FakeCore> {
  readonly sim: DiscordSimulator;
  readonly bot: Bot;
  readonly core: Core;
  readonly config: DiscordConfig;
  readonly logs: LogLine[];
  stop(): Promise<void>;
}

export interface BotOnSimulatorOptions<Core extends KizunaCore> {
  readonly core?: Core;
  readonly simulator?: DiscordSimulatorOptions;
  /** Extra environment for `loadDiscordConfig` (cooldown defaults to 0 here so tests do not wait on each other). */
  readonly env?: Record<string, string>;
  /** Bot options; `community` gives it storage (feedback, /gaps, /settings, /privacy). */
  readonly bot?: Partial<
    Pick<CreateBotOptions, 'deferAfterMs' | 'historyTurns' | 'community' | 'storageProblem'>
  >;
  /** Register the commands in the default guild first, as `npm run deploy-commands` would. @default true */
  readonly registerCommands?: boolean;
  /** Connect to this running simulator (e.g. to restart the bot) instead of starting one; it is then not stopped. */
  readonly existingSimulator?: DiscordSimulator;
}

/** Starts a simulator and a real Kizuna bot (real discord.js client) wired to it, in this process. */
export async function startBotOnSimulator<Core extends KizunaCore = FakeCore>(
  options: BotOnSimulatorOptions<Core> = {},
): Promise<BotOnSimulator<Core>> {
  const ownsSimulator = options.existingSimulator === undefined;
  const sim = options.existingSimulator ?? (await startDiscordSimulator(options.simulator));
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  const logger = createLogger('debug', sink);
  const config = loadDiscordConfig({
    DISCORD_TOKEN: sim.token,
    DISCORD_API_BASE_URL: sim.restUrl,
    DISCORD_GUILD_ID: sim.defaultGuildId,
    ASK_COOLDOWN_SECONDS: '0',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const core = (options.core ?? createFakeCore()) as Core;
  let bot: Bot | undefined;
  try {
    if (options.registerCommands ?? true) await registerCommands({ config, token: sim.token, logger });
    bot = createBot({
      config,
      core,
      logger,
      clientOptions: { ws: noIdentifyThrottle },
      readyTimeoutMs: 10_000,
      ...options.bot,
    });
    await bot.start(sim.token);
  } catch (error) {
    await bot?.stop();
    if (ownsSimulator) await sim.stop();
    throw error;
  }
  const started = bot;
  return {
    sim,
    bot: started,
    core,
    config,
    logs,
    async stop() {
      await started.stop();
      if (ownsSimulator) await sim.stop();
    },
  };
}

/** Every REST body the bot sent that creates or edits a message (the payloads Discord would post). */
export function sentMessageBodies(sim: DiscordSimulator): Record<string, unknown>[] {
  return sim.requests
    .filter((request) => ['POST', 'PATCH'].includes(request.method))
    .filter((request) => /\/messages|\/callback$|^\/webhooks\//u.test(request.path))
    .map((request) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      // Interaction callbacks wrap the message in `data`.
      return request.path.endsWith('/callback') ? ((body['data'] ?? {}) as Record<string, unknown>) : body;
    })
    .filter((body) => 'content' in body || 'embeds' in body);
}
