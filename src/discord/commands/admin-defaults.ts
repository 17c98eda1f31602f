import { PermissionFlagsBits } from 'discord.js';

/**
 * Default member permissions of admin commands: hidden from everyone without Manage Server until a
 * server decides otherwise (which is why the bot checks again on every use).
 */
export const ADMIN_DEFAULT_PERMISSIONS = PermissionFlagsBits.ManageGuild;
