import type { GapsReport } from '../../storage/coverage-gaps.js';
import type { ServerSettings } from '../../storage/repositories/settings-repository.js';
import type { DownvoteReason } from '../../storage/repositories/votes-repository.js';
import { DiscordLimits } from '../presentation/discord-limits.js';
import { fitText } from '../presentation/fit-text.js';
import { EmbedColors, fitEmbed, type OutgoingMessage } from '../presentation/outgoing-message.js';
import { neutralizeMentions, noMentions } from '../presentation/sanitize.js';
import type { CommunityMessages } from './community-messages.js';

/**
 * `/gaps`: totals, then refused questions grouped by what was missing ("okinawa ×7 — e.g. “…”"), then the
 * most 👎'd answers with their reasons and comments. Questions and comments are people's text: mentions are
 * neutralised and every line fitted to Discord's limits.
 */
export function formatGapsMessage(report: GapsReport, days: number, say: CommunityMessages): OutgoingMessage {
  const gapLines = report.gaps.map((gap) => {
    const example = gap.examples[0] ? ` — “${fitText(gap.examples[0], 80)}”` : '';
    return `**${gap.term}** ×${gap.count}${example}`;
  });
  const dislikedLines = report.disliked.map((answer) => {
    const reasons = Object.entries(answer.reasons)
      .map(([reason, count]) => `${say.reasons[reason as DownvoteReason] ?? reason} ×${count}`)
      .join(', ');
    const question = answer.question ? `“${fitText(answer.question, 80)}”` : say.questionNotKept;
    const comments = answer.comments
      .map((comment) => `\n  > ${fitText(comment.replace(/\s+/gu, ' '), 120)}`)
      .join('');
    return `👎 ×${answer.downs}${answer.ups > 0 ? ` · 👍 ×${answer.ups}` : ''} ${question} — ${reasons}${comments}`;
  });
  return {
    embeds: [
      fitEmbed({
        title: say.gapsTitle(days),
        color: EmbedColors.info,
        fields: [
          { name: say.gapsTotals, value: say.totalsLine(report.totals) },
          { name: say.gapsMissing, value: fieldValue(gapLines, say.gapsNone) },
          { name: say.dislikedTitle, value: fieldValue(dislikedLines, say.dislikedNone) },
        ],
      }),
    ],
    allowedMentions: noMentions(),
  };
}

/** `/settings`: every setting of the server and its current value. */
export function formatSettingsMessage(
  settings: ServerSettings,
  defaults: { cooldownSeconds: number },
  say: CommunityMessages,
  notice?: string,
): OutgoingMessage {
  const yesNo = (value: boolean): string => (value ? say.yes : say.no);
  return {
    embeds: [
      fitEmbed({
        title: say.settingsTitle,
        ...(notice ? { description: notice } : {}),
        color: EmbedColors.info,
        fields: [
          {
            name: say.answerChannels,
            value:
              settings.answerChannelIds.length > 0
                ? settings.answerChannelIds.map((id) => `<#${id}>`).join(', ')
                : say.none,
          },
          { name: say.mentionThreads, value: yesNo(settings.mentionThreads), inline: true },
          {
            name: say.cooldown,
            value:
              settings.cooldownSeconds !== undefined
                ? `${settings.cooldownSeconds} s`
                : say.cooldownDefault(defaults.cooldownSeconds),
            inline: true,
          },
          { name: say.language, value: settings.language ?? say.languageAuto, inline: true },
          { name: say.keepQuestions, value: yesNo(settings.keepQuestionText), inline: true },
          { name: say.footer, value: settings.footer ? neutralizeMentions(settings.footer) : say.none },
        ],
      }),
    ],
    allowedMentions: noMentions(),
  };
}

/** `/privacy`: what is stored and why, and how much of it is about the person asking. */
export function formatPrivacyMessage(
  retentionDays: number,
  mine: { questions: number; questionTexts: number; votes: number } | undefined,
  say: CommunityMessages,
  unavailable?: string,
): OutgoingMessage {
  const yours =
    mine === undefined
      ? (unavailable ?? '')
      : mine.questions + mine.votes === 0
        ? say.privacyNothingStored
        : say.privacyYours(mine.questions, mine.questionTexts, mine.votes);
  return {
    embeds: [
      fitEmbed({
        title: say.privacyTitle,
        description: [say.privacyWhat(retentionDays), yours].filter(Boolean).join('\n\n'),
        color: EmbedColors.info,
      }),
    ],
    allowedMentions: noMentions(),
  };
}

function fieldValue(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return empty;
  const kept: string[] = [];
  for (const line of lines.map((text) => neutralizeMentions(text))) {
    if ([...kept, line].join('\n').length > DiscordLimits.embedFieldValue) break;
    kept.push(line);
  }
  return kept.join('\n') || fitText(lines[0] ?? empty, DiscordLimits.embedFieldValue);
}
