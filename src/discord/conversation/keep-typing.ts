import type { Logger } from '../../core/logger.js';

/** Discord shows "typing…" for about 10 seconds per call; renew a little before that. */
const TYPING_RENEW_MS = 8000;

interface TypingChannel {
  sendTyping(): Promise<void>;
}

/** Shows "Kizuna is typing…" until the returned function is called. Failures are only logged. */
export function keepTyping(channel: unknown, logger: Logger): () => void {
  if (!isTypingChannel(channel)) return () => undefined;
  const send = (): void => {
    channel.sendTyping().catch((error: unknown) => logger.debug({ err: error }, 'typing indicator failed'));
  };
  send();
  const timer = setInterval(send, TYPING_RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}

function isTypingChannel(channel: unknown): channel is TypingChannel {
  return (
    typeof channel === 'object' &&
    channel !== null &&
    typeof (channel as Partial<TypingChannel>).sendTyping === 'function'
  );
}
