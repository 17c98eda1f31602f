import type { ReloadReport } from '../../core/types.js';
import type { ShardReloadOutcome } from '../reload/shard-reload-outcome.js';
import { formatDuration, shortFingerprint } from './format-duration.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from './outgoing-message.js';
import { neutralizeMentions, noMentions } from './sanitize.js';

/**
 * What a reload changed and how long it took, or why it failed (the old knowledge keeps serving).
 * With several shards, one line per shard.
 */
export function formatReloadReport(outcomes: readonly ShardReloadOutcome[]): OutgoingMessage {
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  const allOk = failed === 0 && outcomes.length > 0;
  const sharded = outcomes.some((outcome) => outcome.shardIds.length > 0);
  const title = allOk
    ? 'Knowledge reloaded'
    : failed === outcomes.length
      ? 'Reload failed: the previous knowledge is still serving'
      : `Reload failed on ${failed} of ${outcomes.length} shards: those keep the previous knowledge`;

  const single = outcomes.length === 1 && !sharded ? outcomes[0] : undefined;
  return {
    embeds: [
      fitEmbed({
        title,
        ...(single
          ? { description: describeOutcome(single) }
          : {
              fields: outcomes.map((outcome) => ({
                name: `Shard ${outcome.shardIds.join(', ') || '?'}`,
                value: describeOutcome(outcome),
              })),
            }),
        ...(outcomes.length === 0 ? { description: 'No shard answered.' } : {}),
        color: allOk ? EmbedColors.success : EmbedColors.failure,
      }),
    ],
    allowedMentions: noMentions(),
  };
}

function describeOutcome(outcome: ShardReloadOutcome): string {
  return outcome.ok ? describeReport(outcome.report) : `Failed: ${neutralizeMentions(outcome.error)}`;
}

/** "Added 2, removed 1, changed 3, kept 40 (5 embedded). 44 passages. Fingerprint a → b. Took 1.2 s." */
export function describeReport(report: ReloadReport): string {
  const fingerprint =
    report.fingerprint === report.previousFingerprint
      ? `Fingerprint \`${shortFingerprint(report.fingerprint)}\` (unchanged).`
      : `Fingerprint \`${shortFingerprint(report.previousFingerprint)}\` → \`${shortFingerprint(report.fingerprint)}\`.`;
  return (
    `Added ${report.added}, removed ${report.removed}, changed ${report.changed}, kept ${report.kept} ` +
    `(${report.embedded} embedded). ${report.passageCount} passages now.\n${fingerprint} Took ${formatDuration(report.durationMs)}.`
  );
}
