/** The short reply for anything unexpected: it says nothing about what broke (that goes to the logs). */
export const GENERIC_FAILURE_NOTICE =
  'Sorry, something went wrong on my side while handling that. It has been logged; please try again in a moment.';

/** Reply to a button whose passage no longer exists (the knowledge was reloaded since). */
export const PASSAGE_GONE_NOTICE =
  'That passage is no longer in the current fact sheets (the knowledge was reloaded since this message was sent).';

/** Reply to a command the bot does not know (e.g. registered by an older version). */
export const UNKNOWN_COMMAND_NOTICE =
  "I don't know that command any more. An admin may need to run `npm run deploy-commands`.";

/** Reply to a button this version of Kizuna does not know (e.g. from a much older message). */
export const UNKNOWN_BUTTON_NOTICE = 'That button no longer does anything. Ask again to get a fresh answer.';
