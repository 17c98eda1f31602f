import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';

import { DiscordLimits } from '../presentation/discord-limits.js';
import { fitText } from '../presentation/fit-text.js';
import type { OutgoingMessage } from '../presentation/outgoing-message.js';
import { neutralizeMentions } from '../presentation/sanitize.js';
import type { CommunityMessages } from './community-messages.js';
import { feedbackCustomId } from './feedback-custom-id.js';

/** What the community features add to an answer's messages. */
export interface AnswerDecoration {
  /** The recorded answer's id: 👍 and 👎 buttons are added for it. Undefined → no buttons. */
  readonly answerId?: string;
  /** The server's footer line, added under the answer's own footer. */
  readonly footer?: string;
  readonly say: CommunityMessages;
}

/**
 * Adds the server's footer line under the last embed's footer (or as subtext when the answer is plain text)
 * and a row of 👍/👎 buttons to the last message, after the passage buttons. Returns new messages; the
 * input is not changed. A message already holding five rows gives up its last passage row.
 */
export function decorateAnswer(
  messages: readonly OutgoingMessage[],
  decoration: AnswerDecoration,
): OutgoingMessage[] {
  const out = messages.map((message) => ({ ...message }));
  const last = out[out.length - 1];
  if (!last) return out;
  const footer = decoration.footer?.trim() ? neutralizeMentions(decoration.footer.trim()) : undefined;
  if (footer) {
    const embeds = last.embeds ?? [];
    const lastEmbed = embeds[embeds.length - 1];
    if (lastEmbed) {
      const text = lastEmbed.footer?.text ? `${lastEmbed.footer.text}\n${footer}` : footer;
      last.embeds = [
        ...embeds.slice(0, -1),
        { ...lastEmbed, footer: { text: fitText(text, DiscordLimits.embedFooter) } },
      ];
    } else {
      last.content = fitText(`${last.content ?? ''}\n-# ${footer}`.trim(), DiscordLimits.messageContent);
    }
  }
  if (decoration.answerId !== undefined) {
    const rows = [...(last.components ?? [])].slice(0, DiscordLimits.actionRows - 1);
    rows.push(feedbackRow(decoration.answerId, decoration.say));
    last.components = rows;
  }
  return out;
}

/** The 👍 and 👎 buttons of one answer. */
export function feedbackRow(
  answerId: string,
  say: CommunityMessages,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👍' },
        label: say.helpful,
        custom_id: feedbackCustomId('up', answerId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        emoji: { name: '👎' },
        label: say.notHelpful,
        custom_id: feedbackCustomId('down', answerId),
      },
    ],
  };
}
