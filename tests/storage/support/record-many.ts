/**
 * A child process for the concurrent-shards spec: opens the store from the JSON configuration in argv[2],
 * records argv[3] answers and argv[3] votes as fast as it can (as a busy shard would), flushes, prints what
 * the store says it dropped, and exits.
 */
import { silentLogger } from '../../../src/core/logger.js';
import { CommunityStore } from '../../../src/storage/community-store.js';

const config = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof CommunityStore.open>[0];
const count = Number(process.argv[3] ?? '100');
const shard = process.argv[4] ?? '0';
const store = await CommunityStore.open(config, silentLogger, { batchDelayMs: 5 });
let failedVotes = 0;
for (let i = 0; i < count; i += 1) {
  const answerId = store.recordAnswer({
    guildId: `10000000000000000${shard}`,
    userId: `2000000000000${shard}${String(i).padStart(5, '0')}`,
    question: `Question ${i} from shard ${shard}`,
    outcome: i % 2 === 0 ? 'answered' : 'not-covered',
    language: 'en',
    missingTerms: i % 2 === 0 ? [] : ['Okinawa'],
    answerer: 'extractive',
  });
  if (
    answerId &&
    !(await store.vote({ answerId, userId: `3000000000000${shard}${i}`, guildId: null, vote: 'up' }))
  )
    failedVotes += 1;
}
await store.flush();
process.stdout.write(`${JSON.stringify({ dropped: store.healthSnapshot().dropped, failedVotes })}\n`);
await store.close();
