/**
 * A shard entry point for tests: the real bot (createBot) with the fake core, configured from the
 * environment the ShardingManager passes down. Answers say which shard produced them.
 */
import { loadDiscordConfig } from '../../../src/config/load-discord-config.js';
import { createLogger } from '../../../src/core/logger.js';
import { createBot } from '../../../src/discord/create-bot.js';
import { noIdentifyThrottle } from '../../support/discord-simulator/client-options.js';
import { createFakeCore, defaultFakeAnswer } from '../../support/fake-core.js';

const config = loadDiscordConfig(process.env);
const logger = createLogger(config.logLevel);
const shard = process.env['SHARDS'] ?? '?';
const core = createFakeCore({
  answer: (request) => {
    const answer = defaultFakeAnswer(request);
    return { ...answer, text: `Answered by shard ${shard}. ${answer.text}` };
  },
});
const bot = createBot({ config, core, logger, clientOptions: { ws: noIdentifyThrottle } });
process.once('SIGTERM', () => void bot.stop().finally(() => process.exit(0)));
process.once('disconnect', () => void bot.stop().finally(() => process.exit(0)));
await bot.start(config.discord.token ?? '');
