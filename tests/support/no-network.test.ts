import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { REST, Routes } from 'discord.js';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';

/** The names of an error and of every cause under it. */
function causeNames(error: unknown): string[] {
  const names: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) names.push(current.name);
  return names;
}

async function refusal(attempt: () => Promise<unknown>): Promise<string[]> {
  try {
    await attempt();
  } catch (error) {
    return causeNames(error);
  }
  throw new Error('the request reached the network');
}

describe('the network in specs (tests/support/no-network.ts, a vitest setup file)', () => {
  it('GIVEN fetch to a public host THEN it fails without connecting (undici MockNotMatchedError)', async () => {
    expect(await refusal(() => fetch('https://example.com/'))).toContain('MockNotMatchedError');
  });

  it('GIVEN the OpenAI client at its default, api.openai.com THEN it fails without connecting', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', maxRetries: 0 });
    expect(await refusal(() => client.models.list())).toContain('MockNotMatchedError');
  });

  it("GIVEN discord.js's REST at its default, discord.com THEN it fails without connecting", async () => {
    const rest = new REST({ retries: 0 }).setToken('not-a-token');
    expect(await refusal(() => rest.get(Routes.gatewayBot()))).toContain('MockNotMatchedError');
  });

  it('GIVEN a server a spec started on 127.0.0.1 THEN fetch reaches it', async () => {
    const server = createServer((_request, response) => response.end('local'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
