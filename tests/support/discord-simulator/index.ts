/**
 * A local Discord for end-to-end tests: a REST API (`/api/v10`) and a WebSocket gateway on 127.0.0.1,
 * served to the REAL discord.js `Client` / `ShardingManager`. Nothing leaves the machine.
 *
 * @example
 * ```ts
 * const sim = await startDiscordSimulator();
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
 *   rest: { api: sim.restUrl },
 * });
 * const ready = once(client, Events.ClientReady);
 * await client.login(sim.token);
 * await ready;
 *
 * const run = sim.userRunsCommand({ name: 'ask', options: { question: 'What is the alliance?' } });
 * const reply = await run.finalMessage();
 * expect(sim.unknownRequests).toEqual([]);
 *
 * await client.destroy(); // after ready, never while a shard is still connecting
 * await sim.stop();
 * ```
 *
 * Behaviour worth knowing:
 * - Dispatches honour the intents a shard identified with (no GuildMessages → no guild MESSAGE_CREATE),
 *   and without MessageContent a guild message's content/embeds/attachments/components arrive empty
 *   unless the bot is mentioned or wrote it — as on Discord.
 * - Message/embed/component/choice limits are enforced with Discord's 400 `50035 Invalid Form Body`;
 *   a second interaction callback gets 400 `40060`; a callback after `ackTimeoutMs` gets 404 `10062`.
 * - Bot messages created over REST are echoed back as MESSAGE_CREATE; non-ephemeral interaction
 *   responses become channel messages too. The first follow-up after a deferral fills the deferred
 *   message, as on Discord.
 * - Guilds are owned by a separate `guild-owner` account, so the default user has ordinary permissions.
 *   Bot REST calls are permission-checked (403 50001/50013) with channel permission overwrites applied
 *   (a thread follows its parent); embeds need Embed Links, in channel messages and interaction responses.
 * - discord.js waits 5 s between IDENTIFYs; pass `ws: noIdentifyThrottle` to clients that re-identify.
 * - A client closing with 1000/1001 ends its session; any other close leaves it resumable.
 * - Not simulated: rate limits (no 429s), gateway compression (payloads are plain JSON text, which
 *   discord.js accepts whatever it asked for), presences, voice.
 */
export type * from './types.js';
export { startDiscordSimulator } from './start-discord-simulator.js';
export { noIdentifyThrottle } from './client-options.js';
export { connectTestClient, nextEvent, TEST_INTENTS } from './connect-test-client.js';
