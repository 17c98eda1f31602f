/** What the bot knows about an incoming message, reduced to what deciding whether to answer needs. */
export interface MessageFacts {
  readonly botUserId: string;
  /** The bot's managed role(s) in this server: mentioning one is mentioning the bot. @default [] */
  readonly botRoleIds?: readonly string[];
  /** Bots (including Kizuna itself), webhooks and system messages are never answered. */
  readonly fromBotOrSystem: boolean;
  readonly content: string;
  /** The bot's user, or its managed role, is mentioned explicitly (not via @everyone). */
  readonly mentionsBot: boolean;
  /** The message is a reply to one of the bot's messages. */
  readonly repliesToBot: boolean;
  readonly inThread: boolean;
  /** The thread was started by the bot: a conversation it follows without mentions. */
  readonly inBotThread: boolean;
  /** A thread can be started on a message here (a server text or announcement channel). */
  readonly threadsAllowed: boolean;
  /**
   * The message is in one of the server's answer channels (`/settings`), or opens a new post in an answer
   * forum: a question without a mention. @default false
   */
  readonly inAnswerChannel?: boolean;
}

/** How the bot should treat a message. */
export type MessageTrigger =
  | { readonly kind: 'ignore' }
  /** A new question: answer it as a reply, then continue in a thread when `startThread`. */
  | { readonly kind: 'question'; readonly question: string; readonly startThread: boolean }
  /** A message in a thread the bot started: context is the thread's history. */
  | { readonly kind: 'thread-follow-up'; readonly question: string }
  /** A reply to a bot message outside such a thread: context is the chain of replies. */
  | { readonly kind: 'reply-follow-up'; readonly question: string };

/** Decides whether and how to answer a message. */
export function classifyMessage(facts: MessageFacts): MessageTrigger {
  if (facts.fromBotOrSystem) return { kind: 'ignore' };
  const question = stripBotMentions(facts.content, facts.botUserId, facts.botRoleIds);
  if (facts.inBotThread) return { kind: 'thread-follow-up', question };
  if (facts.repliesToBot) return { kind: 'reply-follow-up', question };
  if (facts.mentionsBot)
    return { kind: 'question', question, startThread: facts.threadsAllowed && !facts.inThread };
  if (facts.inAnswerChannel) return { kind: 'question', question, startThread: false };
  return { kind: 'ignore' };
}

/**
 * Removes mentions of the bot (`<@id>`, `<@!id>`, and `<@&roleId>` for its managed roles) and tidies the
 * whitespace left behind. Other markup stays: the core reads past it, and the reply neutralises it.
 */
export function stripBotMentions(
  content: string,
  botUserId: string,
  botRoleIds: readonly string[] = [],
): string {
  let text = content.replace(new RegExp(`<@!?${botUserId}>`, 'gu'), ' ');
  for (const roleId of botRoleIds) text = text.replace(new RegExp(`<@&${roleId}>`, 'gu'), ' ');
  return text
    .replace(/[ \t]+/gu, ' ')
    .replace(/^[\s,:]+/u, '')
    .trim();
}
