import { describe, expect, it } from 'vitest';

import { messages } from '../../../src/core/language/messages.js';
import { passageIdFromCustomId } from '../../../src/discord/interactions/passage-custom-id.js';
import { formatPassageMessage } from '../../../src/discord/presentation/passage-message.js';
import { formatQuoteMessage } from '../../../src/discord/presentation/quote-message.js';
import { formatSourcesMessage } from '../../../src/discord/presentation/sources-message.js';
import { formatStatusMessage } from '../../../src/discord/presentation/status-message.js';
import { createFakeCore, fakeCitation, FAKE_PASSAGES } from '../support/fake-core.js';

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
