import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { loadDiscordConfig } from '../../src/config/load-discord-config.js';
import { envSchema } from '../../src/config/schema.js';

describe('loadConfig', () => {
  it('GIVEN no variables THEN it runs offline with documented defaults', () => {
    const config = loadConfig({});
    expect(config.embeddings.provider).toBe('offline');
    expect(config.answerer.provider).toBe('extractive');
    expect(config.maxQuestionLength).toBe(500);
    expect(config.logLevel).toBe('info');
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.embeddings)).toBe(true);
  });

  it.each([
    ['DISCORD_SHARD_COUNT', '0'],
    ['DISCORD_APPLICATION_ID', '123'],
    ['DISCORD_API_BASE_URL', 'not a url'],
    ['ADMIN_ROLE_IDS', 'moderators'],
  ])('GIVEN a bad Discord-only setting (%s=%s) THEN the CLI configuration still loads', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).not.toThrow();
  });

  it.each([
    ['EMBEDDINGS_PROVIDER', 'gpt'],
    ['MAX_QUESTION_LENGTH', 'lots'],
    ['OLLAMA_BASE_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
  ])('GIVEN a bad %s THEN the error names that variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrowError(new RegExp(variable));
  });

  it('GIVEN an OpenAI answerer without key or base URL THEN it names OPENAI_API_KEY', () => {
    expect(() => loadConfig({ ANSWER_PROVIDER: 'openai' })).toThrowError(/OPENAI_API_KEY/);
  });

  it('never puts a secret in its error message', () => {
    try {
      loadConfig({ OPENAI_API_KEY: 'sk-secret-value', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(String(error)).not.toContain('sk-secret-value');
    }
  });
});

describe('.env.example', () => {
  const example = readFileSync('.env.example', 'utf8');
  const documented = new Map(
    [...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );

  it('documents every variable the schema reads, and nothing else', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('parses as a valid configuration equal to the defaults', () => {
    expect(loadConfig(Object.fromEntries(documented))).toEqual(loadConfig({}));
    expect(loadDiscordConfig(Object.fromEntries(documented))).toEqual(loadDiscordConfig({}));
  });
});
