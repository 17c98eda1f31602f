import type { CoreStatus } from '../../core/types.js';
import { discordRelativeTime, formatDuration, shortFingerprint } from './format-duration.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { noMentions } from './sanitize.js';

/** What the bot adds to the core's status. */
export interface BotStatus {
  /** Shards this process runs, when sharded. */
  readonly shardIds?: readonly number[];
  readonly shardCount?: number;
}

/** Corpus fingerprint, counts, models in use, uptime, last reload and question counters. */
export function formatStatusMessage(status: CoreStatus, bot: BotStatus = {}): OutgoingMessage {
  const fields = [
    { name: 'Corpus fingerprint', value: `\`${shortFingerprint(status.fingerprint)}\``, inline: true },
    { name: 'Fact sheets', value: String(status.documentCount), inline: true },
    { name: 'Passages', value: String(status.passageCount), inline: true },
    { name: 'Quotations', value: String(status.quotationCount), inline: true },
    { name: 'Embedder', value: status.embedder, inline: true },
    { name: 'Answerer', value: status.answerer, inline: true },
    {
      name: 'Uptime',
      value: `${formatDuration(status.uptimeMs)} (since ${discordRelativeTime(status.startedAt)})`,
      inline: true,
    },
    { name: 'Questions answered', value: String(status.questionsAnswered), inline: true },
    { name: 'Questions refused', value: String(status.questionsRefused), inline: true },
    { name: 'Last reload', value: lastReload(status) },
    { name: 'Index', value: status.indexOrigin || 'unknown' },
  ];
  if (bot.shardIds && bot.shardIds.length > 0) {
    fields.push({
      name: 'Shard',
      value: `${bot.shardIds.join(', ')} of ${bot.shardCount ?? '?'}`,
      inline: true,
    });
  }
  return {
    embeds: [fitEmbed({ title: 'Kizuna status', fields, color: EmbedColors.info })],
    allowedMentions: noMentions(),
  };
}

function lastReload(status: CoreStatus): string {
  const reload = status.lastReload;
  if (!reload) return 'none since start';
  const when = discordRelativeTime(reload.at);
  if (reload.ok) {
    const took = reload.report ? ` in ${formatDuration(reload.report.durationMs)}` : '';
    return `succeeded ${when}${took}`;
  }
  return `failed ${when}${reload.error ? `: ${reload.error}` : ''} (the previous knowledge kept serving)`;
}
