/** What a feedback component asks for. */
export type FeedbackAction = 'up' | 'down' | 'reason';

const PREFIX = 'feedback:';

/**
 * Custom id of a feedback component: `feedback:up:<answerId>` (👍), `feedback:down:<answerId>` (👎, opens the
 * modal), `feedback:reason:<answerId>` (the modal). The answer id is stored with the answer, so buttons keep
 * working after a restart.
 */
export function feedbackCustomId(action: FeedbackAction, answerId: string): string {
  return `${PREFIX}${action}:${answerId}`;
}

/** The action and answer id of a feedback custom id, or undefined for any other custom id. */
export function parseFeedbackCustomId(
  customId: string,
): { action: FeedbackAction; answerId: string } | undefined {
  const match = /^feedback:(up|down|reason):([\w-]{1,64})$/u.exec(customId);
  if (!match) return undefined;
  return { action: match[1] as FeedbackAction, answerId: match[2] as string };
}
