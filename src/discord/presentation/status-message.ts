import { messages, type MessageCatalogue } from '../../core/language/messages.js';
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
export function formatStatusMessage(
  status: CoreStatus,
  bot: BotStatus = {},
  say: MessageCatalogue = messages('en'),
): OutgoingMessage {
  const labels = say.status;
  const fields = [
    { name: labels.fingerprint, value: `\`${shortFingerprint(status.fingerprint)}\``, inline: true },
    { name: labels.factSheets, value: String(status.documentCount), inline: true },
    { name: labels.passages, value: String(status.passageCount), inline: true },
    { name: labels.quotations, value: String(status.quotationCount), inline: true },
    { name: labels.embedder, value: status.embedder, inline: true },
    { name: labels.answerer, value: status.answerer, inline: true },
    {
      name: labels.uptime,
      value: labels.uptimeValue(formatDuration(status.uptimeMs), discordRelativeTime(status.startedAt)),
      inline: true,
    },
    { name: labels.questionsAnswered, value: String(status.questionsAnswered), inline: true },
    { name: labels.questionsRefused, value: String(status.questionsRefused), inline: true },
    { name: labels.lastReload, value: lastReload(status, say) },
    { name: labels.index, value: status.indexOrigin || labels.indexUnknown },
  ];
  if (bot.shardIds && bot.shardIds.length > 0) {
    fields.push({
      name: labels.shard,
      value: labels.shardValue(bot.shardIds.join(', '), String(bot.shardCount ?? '?')),
      inline: true,
    });
  }
  return {
    embeds: [fitEmbed({ title: labels.title, fields, color: EmbedColors.info })],
    allowedMentions: noMentions(),
  };
}

function lastReload(status: CoreStatus, say: MessageCatalogue): string {
  const reload = status.lastReload;
  if (!reload) return say.status.reloadNone;
  const when = discordRelativeTime(reload.at);
  if (reload.ok)
    return say.status.reloadSucceeded(when, reload.report ? formatDuration(reload.report.durationMs) : '');
  return say.status.reloadFailed(when, reload.error);
}
