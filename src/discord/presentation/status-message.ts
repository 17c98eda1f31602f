import { messages, type MessageCatalogue, type ReplyLanguage } from '../../core/language/messages.js';
import { summarizeProviderHealth } from '../../core/models/provider-health.js';
import type { CoreStatus } from '../../core/types.js';
import type { StorageHealthSnapshot } from '../../storage/storage-health.js';
import { formatStorageStatus, STORAGE_FIELD_NAME } from '../community/storage-status.js';
import { discordRelativeTime, formatDuration, shortFingerprint } from './format-duration.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/** What the bot adds to the core's status. */
export interface BotStatus {
  /** Shards this process runs, when sharded. */
  readonly shardIds?: readonly number[];
  readonly shardCount?: number;
  /** Storage's health (feedback, settings), when the bot has storage. */
  readonly storage?: StorageHealthSnapshot;
}

/**
 * Name of the model provider's field. Not in the core's `StatusLabels` yet, so kept here in both languages.
 * TODO(core): move into `StatusLabels` (e.g. `provider`), then read it from there.
 */
export const PROVIDER_FIELD_NAME: Readonly<Record<ReplyLanguage, string>> = {
  en: 'Model provider',
  ja: 'モデルプロバイダー',
};

/**
 * Corpus fingerprint, counts, models in use, uptime, last reload and question counters, and the model
 * provider's state when one is configured. `now` is injectable for tests (the provider line says "12 s ago").
 */
export function formatStatusMessage(
  status: CoreStatus,
  bot: BotStatus = {},
  say: MessageCatalogue = messages('en'),
  now: Date = new Date(),
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
  if (status.provider !== undefined) {
    fields.push({
      name: PROVIDER_FIELD_NAME[say.language],
      // The last error may quote what a server said: treat it as untrusted text.
      value: neutralizeMentions(summarizeProviderHealth(status.provider, now)),
    });
  }
  if (bot.storage !== undefined) {
    // A database error message is untrusted text too.
    fields.push({
      name: STORAGE_FIELD_NAME[say.language],
      value: neutralizeMentions(formatStorageStatus(bot.storage)),
    });
  }
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
