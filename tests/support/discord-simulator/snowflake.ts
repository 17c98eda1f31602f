import type { Snowflake } from './types.js';

/** Discord's epoch (2015-01-01T00:00:00Z); snowflakes count milliseconds from it in their top 42 bits. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Which shard owns a guild, by Discord's documented formula `(guild_id >> 22) % shard_count`. */
export function shardOfGuild(guildId: Snowflake, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Orders two snowflakes numerically (string order is wrong once lengths differ). */
export function compareSnowflakes(a: Snowflake, b: Snowflake): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/** Time a snowflake encodes, as an ISO string (what Discord puts in `timestamp` fields). */
export function isoTimestampOf(id: Snowflake): string {
  return new Date(Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS)).toISOString();
}

/**
 * Makes strictly increasing snowflakes (so "newer" always sorts after "older", as message history
 * paging relies on) even when many are made in the same millisecond.
 */
export class SnowflakeGenerator {
  private lastTimestamp = 0n;
  private increment = 0n;

  next(): Snowflake {
    const now = BigInt(Date.now()) - DISCORD_EPOCH_MS;
    if (now > this.lastTimestamp) {
      this.lastTimestamp = now;
      this.increment = 0n;
    } else {
      this.increment += 1n;
      if (this.increment > 0xfffn) {
        this.lastTimestamp += 1n;
        this.increment = 0n;
      }
    }
    return ((this.lastTimestamp << 22n) | (1n << 17n) | this.increment).toString();
  }

  /** A snowflake whose guild routing lands on `shardId` of `shardCount` (it may lie a few ms ahead). */
  nextOnShard(shardId: number, shardCount: number): Snowflake {
    const id = this.next();
    if (shardOfGuild(id, shardCount) === shardId) return id;
    // Routing depends only on the timestamp bits, so move the clock forward until it fits.
    let timestamp = BigInt(id) >> 22n;
    while (timestamp % BigInt(shardCount) !== BigInt(shardId)) timestamp += 1n;
    this.lastTimestamp = timestamp;
    this.increment = 0n;
    return ((timestamp << 22n) | (1n << 17n)).toString();
  }
}
