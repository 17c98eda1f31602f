import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';

import { commandDefinitions, commands, commandsByName } from '../../../src/discord/commands/index.js';

const settings = { maxQuestionLength: 321 };
const definitions = commandDefinitions(settings);
const byName = new Map(definitions.map((definition) => [definition.name, definition]));
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe('command registry', () => {
  it('defines /ask, /quote, /sources, /reload, /status, /gaps, /settings and /privacy, each routed to its handler', () => {
    expect([...byName.keys()].sort()).toEqual([
      'ask',
      'gaps',
      'privacy',
      'quote',
      'reload',
      'settings',
      'sources',
      'status',
    ]);
    expect(commandsByName(settings).size).toBe(commands.length);
  });

  it('carries Japanese names and descriptions for every command and option, valid for Discord', () => {
    const all: {
      name: string;
      name_localizations?: Record<string, string | null> | null;
      description: string;
      description_localizations?: Record<string, string | null> | null;
    }[] = [...definitions, ...definitions.flatMap((definition) => definition.options ?? [])];
    for (const item of all) {
      const ja = item.name_localizations?.ja;
      expect(ja, item.name).toBeTruthy();
      expect(ja).toMatch(NAME);
      expect(ja).toBe(ja?.toLowerCase());
      expect(item.description_localizations?.ja, item.name).toBeTruthy();
      expect(item.description.length).toBeLessThanOrEqual(100);
      expect(item.description_localizations?.ja?.length).toBeLessThanOrEqual(100);
    }
  });

  it('limits the question to MAX_QUESTION_LENGTH', () => {
    const question = (byName.get('ask')?.options ?? []).find((option) => option.name === 'question');
    expect(question).toMatchObject({ required: true, max_length: 321 });
  });

  it('offers speaker autocomplete on /quote, both options optional', () => {
    const options = byName.get('quote')?.options ?? [];
    expect(options.map((option) => [option.name, option.required ?? false])).toEqual([
      ['speaker', false],
      ['topic', false],
    ]);
    expect(options[0]).toMatchObject({ autocomplete: true });
  });

  it('hides admin commands from non-admins by default (Manage Server) and keeps them out of DMs', () => {
    for (const name of ['reload', 'status', 'gaps', 'settings']) {
      expect(byName.get(name)?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
      expect(byName.get(name)?.contexts).toEqual([0]);
    }
    for (const name of ['ask', 'quote', 'sources', 'privacy'])
      expect(byName.get(name)?.default_member_permissions ?? null).toBeNull();
    expect(commands.filter((command) => command.adminOnly).length).toBe(4);
  });
});
