import {
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';

import {
  DOWNVOTE_REASONS,
  MAX_COMMENT_LENGTH,
  type DownvoteReason,
} from '../../storage/repositories/votes-repository.js';
import { languageOfLocale } from '../presentation/reply-language.js';
import { noMentions } from '../presentation/sanitize.js';
import type { BotServices } from '../services.js';
import { communityMessages, type CommunityMessages } from './community-messages.js';
import { feedbackCustomId, type FeedbackAction } from './feedback-custom-id.js';

/**
 * A click on 👍 (the vote is stored, then "Thanks — noted", privately) or 👎 (a modal asks what was wrong
 * and for an optional comment; the vote is stored when it is sent). Voting again replaces the person's vote.
 * When storage is down the person is told their feedback couldn't be saved; nothing else changes.
 */
export async function handleFeedbackButton(
  interaction: ButtonInteraction,
  feedback: { action: FeedbackAction; answerId: string },
  services: BotServices,
): Promise<void> {
  const say = communityMessages(languageOfLocale(interaction.locale));
  if (feedback.action === 'down') {
    await interaction.showModal(feedbackModal(feedback.answerId, say));
    return;
  }
  await saveVote(interaction, services, say, { answerId: feedback.answerId, vote: 'up' });
}

/** The 👎 modal sent: the reason and comment are stored with the vote. */
export async function handleFeedbackModal(
  interaction: ModalSubmitInteraction,
  answerId: string,
  services: BotServices,
): Promise<void> {
  const say = communityMessages(languageOfLocale(interaction.locale));
  const picked = interaction.fields.getStringSelectValues('reason')[0];
  const reason: DownvoteReason = DOWNVOTE_REASONS.find((candidate) => candidate === picked) ?? 'other';
  const comment = interaction.fields.getTextInputValue('comment').trim().slice(0, MAX_COMMENT_LENGTH);
  await saveVote(interaction, services, say, {
    answerId,
    vote: 'down',
    reason,
    ...(comment ? { comment } : {}),
  });
}

async function saveVote(
  interaction: ButtonInteraction | ModalSubmitInteraction,
  services: BotServices,
  say: CommunityMessages,
  vote: { answerId: string; vote: 'up' | 'down'; reason?: DownvoteReason; comment?: string },
): Promise<void> {
  const saved = services.community
    ? await services.community.vote({ ...vote, userId: interaction.user.id, guildId: interaction.guildId })
    : false;
  if (!saved) services.logger.warn({ answerId: vote.answerId }, 'feedback could not be saved');
  await interaction.reply({
    content: saved ? say.thanks : say.feedbackNotSaved,
    flags: MessageFlags.Ephemeral,
    allowedMentions: noMentions(),
  });
}

/** The 👎 modal: a required reason (a select) and an optional comment of at most 300 characters. */
export function feedbackModal(
  answerId: string,
  say: CommunityMessages,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: feedbackCustomId('reason', answerId),
    title: say.modalTitle,
    components: [
      {
        type: ComponentType.Label,
        label: say.reasonLabel,
        component: {
          type: ComponentType.StringSelect,
          custom_id: 'reason',
          min_values: 1,
          max_values: 1,
          options: DOWNVOTE_REASONS.map((reason) => ({ label: say.reasons[reason], value: reason })),
        },
      },
      {
        type: ComponentType.Label,
        label: say.commentLabel,
        component: {
          type: ComponentType.TextInput,
          custom_id: 'comment',
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: MAX_COMMENT_LENGTH,
          placeholder: say.commentPlaceholder,
        },
      },
    ],
  };
}
