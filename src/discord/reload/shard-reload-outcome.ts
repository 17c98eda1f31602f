import type { ReloadReport } from '../../core/types.js';

/**
 * What one process's reload came to. Plain, serialisable data: it crosses process boundaries when
 * a sharded bot reloads every shard.
 */
export type ShardReloadOutcome =
  | { readonly shardIds: readonly number[]; readonly ok: true; readonly report: ReloadReport }
  | { readonly shardIds: readonly number[]; readonly ok: false; readonly error: string };
