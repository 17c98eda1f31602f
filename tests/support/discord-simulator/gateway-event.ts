/** Gateway intent bits the simulator filters dispatches by (values from Discord's documentation). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;

/** A dispatch to route to the shard sessions that should see it. */
export interface GatewayEvent {
  /** Event name, e.g. `MESSAGE_CREATE`. */
  t: string;
  d: Record<string, unknown>;
  /** Guild the event belongs to (routes it to that guild's shard); null for DMs and global events (shard 0). */
  guildId: string | null;
  /** Intent a session needs to receive it; null when always sent (interactions). */
  intent: number | null;
  /**
   * A message event whose content Discord withholds from sessions without the MessageContent intent
   * (false for DMs, the bot's own messages and messages mentioning the bot).
   */
  gatedContent?: boolean;
}

/** Something that delivers gateway events (the gateway server). */
export type DispatchGatewayEvent = (event: GatewayEvent) => void;
