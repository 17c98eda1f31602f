/**
 * Discord's documented size limits for what a bot sends. Anything over them is rejected with
 * `50035 Invalid Form Body`, so every outgoing text is fitted to these first.
 */
export const DiscordLimits = {
  messageContent: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  /** Sum of every embed's title, description, field names and values, footer and author name in one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  threadName: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
