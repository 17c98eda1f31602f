import type { OpenAiChatRequestBody } from './fake-openai-server.js';

/**
 * The marker (`[n]`) the prompt in `body` gives the passage containing `words`, as a model reading the
 * prompt would cite it; `[?]` when no passage contains them. Lets a fake reply cite the right passage
 * whatever order the core numbered them in.
 */
export function markerOf(body: OpenAiChatRequestBody, words: string): string {
  const prompt = JSON.stringify(body.messages);
  const at = prompt.indexOf(words);
  if (at < 0) return '[?]';
  const markers = [...prompt.slice(0, at).matchAll(/\[(\d+)\]/g)];
  return `[${markers.at(-1)?.[1] ?? '?'}]`;
}
