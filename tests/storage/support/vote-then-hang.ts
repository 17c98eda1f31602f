/**
 * A child process for the crash spec: opens the store from the JSON configuration in argv[2], records a vote,
 * prints "acked" once the store says it is saved, then hangs until the parent kills it with SIGKILL.
 */
import { silentLogger } from '../../../src/core/logger.js';
import { CommunityStore } from '../../../src/storage/community-store.js';

const config = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof CommunityStore.open>[0];
const store = await CommunityStore.open(config, silentLogger);
const saved = await store.vote({
  answerId: 'crash-answer',
  userId: '200000000000000009',
  guildId: '100000000000000001',
  vote: 'down',
  reason: 'wrong-facts',
});
process.stdout.write(saved ? 'acked\n' : 'failed\n');
setInterval(() => undefined, 1000);
