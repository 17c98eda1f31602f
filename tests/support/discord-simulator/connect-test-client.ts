import { once } from 'node:events';
import { Client, type ClientOptions, Events, GatewayIntentBits, Partials } from 'discord.js';
import { noIdentifyThrottle } from './client-options.js';
import type { DiscordSimulator } from './types.js';

/** Intents a typical message + slash-command bot asks for. */
export const TEST_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

/**
 * Logs a plain discord.js client into the simulator and resolves once it is ready (so it can be
 * destroyed safely). Identify throttling is off (see {@link noIdentifyThrottle}). Rejects after `timeoutMs`.
 */
export async function connectTestClient(
  sim: DiscordSimulator,
  options: Partial<ClientOptions> = {},
  timeoutMs = 5000,
): Promise<Client<true>> {
  const client = new Client({
    intents: TEST_INTENTS,
    partials: [Partials.Channel],
    ...options,
    ws: { ...noIdentifyThrottle, ...options.ws },
    rest: { api: sim.restUrl, ...options.rest },
  });
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  await client.login(sim.token);
  await ready;
  return client as Client<true>;
}

/** Resolves with the arguments of the next `event` the client emits that passes `filter`; rejects after `timeoutMs`. */
export function nextEvent<Args extends unknown[]>(
  client: Client,
  event: string,
  filter: (...args: Args) => boolean = () => true,
  timeoutMs = 3000,
): Promise<Args> {
  return new Promise<Args>((resolve, reject) => {
    const listener = (...args: unknown[]): void => {
      if (!filter(...(args as Args))) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args as Args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}`));
    }, timeoutMs);
    client.on(event, listener);
  });
}
