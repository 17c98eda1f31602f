export type { AliasEntry, AliasTable } from './alias-table.js';
export { NO_ALIASES } from './alias-table.js';
export type { AliasUse } from './apply-aliases.js';
export { applyAliases, findAliases, replaceAliasUses } from './apply-aliases.js';
export { loadAliases } from './load-aliases.js';
export type { NormalisedQuestion, NormaliseQuestionOptions } from './normalise-question.js';
export { normaliseQuestion } from './normalise-question.js';
export { parseAliasFile } from './parse-alias-file.js';
export { stripDiscordMarkup } from './strip-discord-markup.js';
