import { describe, expect, it } from 'vitest';

import { parseJsonlRequest } from '../../src/cli/jsonl-request.js';

describe('parseJsonlRequest', () => {
  it('takes a plain line as the question, trimmed', () => {
    expect(parseJsonlRequest('  What is it?  ', 100)).toEqual({
      ok: true,
      request: { question: 'What is it?' },
    });
  });

  it('takes a JSON object with a question and optional history', () => {
    const line = JSON.stringify({ question: 'And then?', history: [{ role: 'user', text: 'First?' }] });
    expect(parseJsonlRequest(line, 100)).toEqual({
      ok: true,
      request: { question: 'And then?', history: [{ role: 'user', text: 'First?' }] },
    });
  });

  it.each([
    ['an empty line', '', /empty line/i],
    ['malformed JSON', '{"question": ', /malformed json/i],
    [
      'a history with an unknown role',
      '{"question": "q?", "history": [{"role": "bot", "text": "x"}]}',
      /"history\.0\.role" must be "user" or "assistant"/,
    ],
    ['an object without a question', '{"q": "x"}', /invalid request.*"question" must be a string/i],
    ['a language Kizuna does not answer in', '{"question": "q?", "language": "fr"}', /"language" must be "en" or "ja"/],
    ['a history that is not a list', '{"question": "q?", "history": "hi"}', /"history" must be a list/],
    ['an empty question in JSON', '{"question": "  "}', /empty/i],
  ])('explains %s', (_name, line, message) => {
    const result = parseJsonlRequest(line, 100);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('rejects an over-long question, keeping it for the output', () => {
    expect(parseJsonlRequest('q'.repeat(30), 20)).toMatchObject({
      ok: false,
      question: 'q'.repeat(30),
      error: expect.stringMatching(/limit is 20/),
    });
  });
});
