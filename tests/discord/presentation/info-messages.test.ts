import { describe, expect, it } from 'vitest';

import { messages } from '../../../src/core/language/messages.js';
import { passageIdFromCustomId } from '../../../src/discord/interactions/passage-custom-id.js';
import { formatPassageMessage } from '../../../src/discord/presentation/passage-message.js';
import { formatQuoteMessage } from '../../../src/discord/presentation/quote-message.js';
import { formatSourcesMessage } from '../../../src/discord/presentation/sources-message.js';
import {
  formatStatusMessage,
  PROVIDER_FIELD_NAME,
} from '../../../src/discord/presentation/status-message.js';
import {
  summarizeProviderHealth,
  type ProviderHealthSnapshot,
} from '../../../src/core/models/provider-health.js';
import { createFakeCore, fakeCitation, FAKE_PASSAGES } from '../../support/fake-core.js';

const core = createFakeCore();
const text = (message: {
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    author?: { name: string };
  }[];
}): string =>
  (message.embeds ?? [])
    .flatMap((embed) => [
      embed.author?.name,
      embed.title,
      embed.description,
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ])
    .filter(Boolean)
    .join('\n');

describe('formatQuoteMessage', () => {
  it('shows the quotation, its speaker and its citation, with a button for the passage', () => {
    const result = core.quote({ speaker: 'abe' })!;
    const message = formatQuoteMessage(result);
    const shown = text(message);
    expect(shown).toContain(result.quotation.text);
    expect(shown).toContain(result.quotation.speaker);
    expect(shown).toContain(result.citation.title);
    expect(shown).toContain(result.citation.displayDate);
    expect(shown).toContain(result.citation.section);
    const button = message.components?.[0]?.components[0];
    expect(button && 'custom_id' in button && passageIdFromCustomId(button.custom_id)).toBe(
      result.citation.passageId,
    );
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});

describe('formatPassageMessage', () => {
  it('shows the passage verbatim with its fact sheet, date and section', () => {
    const citation = fakeCitation(FAKE_PASSAGES[2]!.id)!;
    const shown = text(formatPassageMessage(citation));
    expect(shown).toContain(citation.passage);
    expect(shown).toContain(citation.title);
    expect(shown).toContain(citation.displayDate);
    expect(shown).toContain(citation.section);
  });
});

describe('formatSourcesMessage', () => {
  it('lists every fact sheet with its date and passage and quotation counts', () => {
    const sources = core.sources();
    const shown = text(formatSourcesMessage(sources));
    for (const source of sources) {
      expect(shown).toContain(source.title);
      expect(shown).toContain(source.displayDate);
      expect(shown).toContain(`${source.passageCount} passage`);
      expect(shown).toContain(`${source.quotationCount} quotation`);
    }
  });

  it('says so when no fact sheet is loaded', () => {
    expect(text(formatSourcesMessage([]))).toMatch(/no fact sheets/iu);
  });
});

describe('formatStatusMessage', () => {
  it('shows fingerprint, counts, embedder, answerer, uptime, last reload and question counters', () => {
    const status = core.status();
    const shown = text(formatStatusMessage(status, { shardIds: [1], shardCount: 2 }));
    expect(shown).toContain(status.fingerprint.slice(0, 12));
    expect(shown).toContain(String(status.passageCount));
    expect(shown).toContain(String(status.quotationCount));
    expect(shown).toContain(status.embedder);
    expect(shown).toContain(status.answerer);
    expect(shown).toMatch(/Uptime/u);
    expect(shown).toMatch(/1 min 30 s|1 min 29 s|1 min 31 s/u);
    expect(shown).toMatch(/Last reload\nnone since start/u);
    expect(shown).toMatch(/Questions answered\n0/u);
    expect(shown).toMatch(/Questions refused\n0/u);
    expect(shown).toContain('1 of 2');
  });

  it('reports a failed last reload with its reason', () => {
    const status = {
      ...core.status(),
      lastReload: { at: new Date(), ok: false, error: 'broken front matter' },
    };
    expect(text(formatStatusMessage(status))).toMatch(/failed.*broken front matter/u);
  });

  it('GIVEN no model provider THEN there is no provider field', () => {
    expect(text(formatStatusMessage(core.status()))).not.toContain(PROVIDER_FIELD_NAME.en);
  });

  it('GIVEN a model provider THEN its state is one field, as summarizeProviderHealth words it', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    const provider: ProviderHealthSnapshot = {
      provider: 'openai:gpt-4o-mini',
      lastSuccessAt: '2026-01-01T11:59:48Z',
      lastError: { message: 'HTTP 503 (server error) @everyone', at: '2026-01-01T11:57:00Z' },
      recentCalls: 20,
      recentFailureRate: 0.05,
      meanLatencyMs: 840,
      inFlight: 1,
      queued: 0,
    };
    const message = formatStatusMessage({ ...core.status(), provider }, {}, messages('en'), now);
    const field = message.embeds?.[0]?.fields?.find((entry) => entry.name === PROVIDER_FIELD_NAME.en);
    expect(field?.value).toBe(summarizeProviderHealth(provider, now).replace('@everyone', '@\u200beveryone'));
    expect(field?.value).toContain('openai:gpt-4o-mini — last success 12 s ago');
    const ja = formatStatusMessage({ ...core.status(), provider }, {}, messages('ja'), now);
    expect(text(ja)).toContain(PROVIDER_FIELD_NAME.ja);
  });
});

describe('GIVEN a Japanese user', () => {
  const ja = messages('ja');

  it('THEN /quote frames the English words as the speaker’s, labels the source and the button in Japanese', () => {
    const result = core.quote({ speaker: 'abe' })!;
    const message = formatQuoteMessage(result, ja);
    const shown = text(message);
    expect(shown).toContain(ja.quoteFraming(result.quotation.speaker));
    expect(shown).toContain(`“${result.quotation.text}”`);
    expect(message.embeds?.[0]?.fields?.[0]?.name).toBe('出典');
    const button = message.components?.[0]?.components[0];
    expect(button && 'label' in button && button.label).toBe(ja.showPassage);
  });

  it('THEN the passage, /sources and /status are labelled in Japanese', () => {
    const citation = fakeCitation(FAKE_PASSAGES[0]!.id)!;
    expect(text(formatPassageMessage(citation, ja))).toContain(ja.passageDate);
    expect(text(formatSourcesMessage(core.sources(), ja))).toContain(ja.sourcesTitle);
    const status = text(formatStatusMessage(core.status(), {}, ja));
    expect(status).toContain(ja.status.questionsAnswered);
    expect(status).toContain(ja.status.reloadNone);
  });
});
