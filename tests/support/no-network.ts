import { MockAgent, setGlobalDispatcher } from 'undici';

/**
 * vitest setup file (every spec file runs it first): no spec can reach the network, by construction, as in
 * discord.js's own REST tests. Every request made with `fetch` or undici (the OpenAI and Ollama clients,
 * discord.js's REST) goes through this MockAgent, which refuses every host but this machine's loopback,
 * where specs start their own servers (the Discord simulator, the fake model servers). A spec that forgets
 * to point a client at its fake fails with undici's `MockNotMatchedError` instead of calling the internet.
 */
export const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/u;

const agent = new MockAgent();
agent.disableNetConnect();
agent.enableNetConnect(LOOPBACK_HOST);
setGlobalDispatcher(agent);
