import { describe, expect, it } from 'vitest';

import { stripDiscordMarkup } from '../../../src/core/question/strip-discord-markup.js';

const ID = '123456789012345678';

describe('stripDiscordMarkup', () => {
  it.each([
    ['a channel mention', `<#${ID}> what does Reiwa mean?`],
    ["a role mention (the bot's managed role)", `<@&${ID}> what does Reiwa mean?`],
    ['a user mention', `<@${ID}> what does Reiwa mean?`],
    ['a nickname mention', `<@!${ID}> what does Reiwa mean?`],
    ['a mention at the end', `what does Reiwa mean? <@${ID}>`],
  ])('GIVEN %s THEN the mention is removed, never a topic', (_kind, message) => {
    expect(stripDiscordMarkup(message)).toBe('what does Reiwa mean?');
  });

  it('removes @everyone and @here', () => {
    expect(stripDiscordMarkup('@everyone @here what does Reiwa mean?')).toBe('what does Reiwa mean?');
  });

  it('removes custom, animated and Unicode emoji', () => {
    expect(stripDiscordMarkup(`<:sakura:${ID}> Reiwa <a:dance:${ID}> era 🇯🇵😀`)).toBe('Reiwa era');
  });

  it('removes timestamps and slash-command mentions', () => {
    expect(stripDiscordMarkup(`since <t:1700000000:R> what did </ask:${ID}> say`)).toBe('since what did say');
    expect(stripDiscordMarkup(`</quote speaker:${ID}> Abe`)).toBe('Abe');
  });

  it('removes mention-shaped text with ids too short to be real, so that nothing pings when echoed', () => {
    expect(stripDiscordMarkup('<@123> <@!45> <@&6> <#7> <:x:8> <t:9:R> </ask:10> jobs')).toBe('jobs');
    expect(stripDiscordMarkup(`\\<@${ID}> jobs`)).toBe('jobs');
  });

  it('keeps the words of spoilers, bold, italics, underline and strike-through', () => {
    expect(stripDiscordMarkup('||what|| **does** *Reiwa* _really_ __mean__ ~~now~~?')).toBe(
      'what does Reiwa really mean now?',
    );
  });

  it('keeps the text of inline code and code blocks', () => {
    expect(stripDiscordMarkup('what is `OPIC`?')).toBe('what is OPIC?');
    expect(stripDiscordMarkup('```\nwhat is OPIC\n```')).toBe('what is OPIC');
    expect(stripDiscordMarkup('```txt\nwhat is OPIC\n```')).toBe('what is OPIC');
  });

  it('removes code pasted beside a question: a shell command, or the punctuation of code', () => {
    expect(stripDiscordMarkup('`rm -rf /` what does reiwa mean')).toBe('what does reiwa mean');
    expect(stripDiscordMarkup('```js\nconsole.log(x);\n``` what is OPIC?')).toBe('what is OPIC?');
    expect(stripDiscordMarkup('what does `Reiwa` mean?')).toBe('what does Reiwa mean?');
    expect(stripDiscordMarkup('the nukes thing `tl;dr` pls')).toBe('the nukes thing tl;dr pls');
  });

  it('keeps the text of Markdown links and removes bare URLs', () => {
    expect(stripDiscordMarkup('what is [OPIC](https://www.opic.gov)?')).toBe('what is OPIC?');
    expect(stripDiscordMarkup('see https://example.com/a?b=c and <https://example.com> about Reiwa')).toBe(
      'see and about Reiwa',
    );
  });

  it('keeps the words of block quotes, headings and subtext', () => {
    expect(stripDiscordMarkup('> what does\n>>> Reiwa mean?')).toBe('what does Reiwa mean?');
    expect(stripDiscordMarkup('# Reiwa\n-# what does it mean')).toBe('Reiwa what does it mean');
  });

  it('drops the backslash of escaped characters', () => {
    expect(stripDiscordMarkup('\\*\\*not bold\\*\\* R\\&D')).toBe('**not bold** R&D');
  });

  it('leaves plain text, model codes and snake_case alone', () => {
    expect(stripDiscordMarkup('How many F-35 jets? 4 < 5 > 3, snake_case_word')).toBe(
      'How many F-35 jets? 4 < 5 > 3, snake_case_word',
    );
  });

  it('returns an empty string for a message made only of markup', () => {
    expect(stripDiscordMarkup(`<@${ID}> <:sakura:${ID}>`)).toBe('');
  });
});
