import type { Answer } from '../../core/types.js';
import {
  DEFAULT_SERVER_SETTINGS,
  type ServerSettings,
} from '../../storage/repositories/settings-repository.js';
import type { OutgoingMessage } from '../presentation/outgoing-message.js';
import type { BotServices } from '../services.js';
import { communityMessages } from './community-messages.js';
import { decorateAnswer } from './decorate-answer.js';

/** Who asked what, where: what recording an answer needs from Discord. */
export interface AskedHere {
  /** Null in a direct message. */
  readonly guildId: string | null;
  readonly userId: string;
  readonly question: string;
}

/** The server's settings, or the defaults without storage or outside a server. Never rejects. */
export async function serverSettings(services: BotServices, guildId: string | null): Promise<ServerSettings> {
  return services.community ? services.community.settingsFor(guildId) : DEFAULT_SERVER_SETTINGS;
}

/**
 * Records an answer that is about to be sent (in the background: nothing here waits for the database) and
 * returns its messages with the server's footer line and the 👍/👎 buttons. Without storage, or where
 * nothing is recorded (direct messages unless the operator opts in), only the footer is added.
 */
export function recordAndDecorate(
  services: BotServices,
  asked: AskedHere,
  answer: Answer,
  messages: readonly OutgoingMessage[],
  settings: ServerSettings,
): OutgoingMessage[] {
  const answerId = services.community?.recordAnswer(
    {
      guildId: asked.guildId,
      userId: asked.userId,
      question: asked.question,
      outcome: answer.outcome,
      language: answer.language,
      missingTerms: answer.missingTerms,
      answerer: answer.answerer,
    },
    settings,
  );
  return decorateAnswer(messages, {
    ...(answerId !== undefined ? { answerId } : {}),
    ...(settings.footer !== undefined ? { footer: settings.footer } : {}),
    say: communityMessages(answer.language),
  });
}
