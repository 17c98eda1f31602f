import { messages } from '../../core/language/messages.js';

/*
 * The English notices, kept as named constants for the tests and code that compare against them; the
 * words live in the core's message catalogue (`messages(language)`), which the handlers use directly.
 */
const en = messages('en');

/** The short reply for anything unexpected: it says nothing about what broke (that goes to the logs). */
export const GENERIC_FAILURE_NOTICE = en.genericFailure;

/** Reply to a button whose passage no longer exists (the knowledge was reloaded since). */
export const PASSAGE_GONE_NOTICE = en.passageGone;

/** Reply to a command the bot does not know (e.g. registered by an older version). */
export const UNKNOWN_COMMAND_NOTICE = en.unknownCommand;

/** Reply to a button this version of Kizuna does not know (e.g. from a much older message). */
export const UNKNOWN_BUTTON_NOTICE = en.unknownButton;
