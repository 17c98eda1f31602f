import {
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';

import {
  MAX_ANSWER_CHANNELS,
  MAX_FOOTER_LENGTH,
  type ServerSettings,
} from '../../storage/repositories/settings-repository.js';
import { StorageUnavailableError } from '../../storage/storage-unavailable.js';
import { ANSWER_CHANNEL_TYPES } from '../community/answer-channels.js';
import { communityMessages, type CommunityMessages } from '../community/community-messages.js';
import { formatSettingsMessage } from '../community/community-presentation.js';
import { sendPrivateNotice } from '../interactions/respond.js';
import { languageOfLocale } from '../presentation/reply-language.js';
import { ADMIN_DEFAULT_PERMISSIONS } from './admin-defaults.js';
import type { Command } from './command.js';

/** A change an admin asked for that cannot be made (shown to them as is). */
class SettingRefused extends Error {}

/**
 * `/settings` (admins): shows and changes this server's settings. Subcommands: `show`; `add-channel` and
 * `remove-channel` (answer channels: every message there, and every new post in a forum, is a question
 * without a mention); `threads` (whether a mention's answer opens a thread); `cooldown` (seconds; none →
 * the default); `language` (en, ja, or auto: each member's Discord language); `footer` (a line under every
 * answer; none → removed); `keep-questions` (whether question text is kept). Stored in the database, so
 * changes survive restarts; they apply at once. Private.
 */
export const settingsCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('settings')
      .setNameLocalizations({ ja: '設定' })
      .setDescription("Admins: Kizuna's settings for this server")
      .setDescriptionLocalizations({ ja: '管理者用：このサーバーでの Kizuna の設定' })
      .setContexts(InteractionContextType.Guild)
      .setDefaultMemberPermissions(ADMIN_DEFAULT_PERMISSIONS)
      .addSubcommand((sub) =>
        sub
          .setName('show')
          .setDescription('Show the current settings')
          .setNameLocalizations({ ja: '表示' })
          .setDescriptionLocalizations({ ja: '現在の設定を表示します' }),
      )
      .addSubcommand((sub) =>
        sub
          .setName('add-channel')
          .setDescription('Answer every message (or new forum post) in this channel, no mention needed')
          .setNameLocalizations({ ja: 'チャンネル追加' })
          .setDescriptionLocalizations({
            ja: 'このチャンネルのすべてのメッセージ（フォーラムの新規投稿）にメンションなしで回答します',
          })
          .addChannelOption((option) =>
            option
              .setName('channel')
              .setDescription('A text, announcement or forum channel')
              .addChannelTypes(...ANSWER_CHANNEL_TYPES)
              .setRequired(true),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('remove-channel')
          .setDescription('Stop answering every message in this channel')
          .setNameLocalizations({ ja: 'チャンネル削除' })
          .setDescriptionLocalizations({ ja: 'このチャンネルでのメンションなしの回答をやめます' })
          .addChannelOption((option) =>
            option.setName('channel').setDescription('An answer channel').setRequired(true),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('threads')
          .setDescription('Whether the answer to a mention opens a thread for follow-ups')
          .setNameLocalizations({ ja: 'スレッド' })
          .setDescriptionLocalizations({ ja: 'メンションへの回答で続きの質問用のスレッドを作るかどうか' })
          .addBooleanOption((option) =>
            option.setName('enabled').setDescription('Open threads').setRequired(true),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('cooldown')
          .setDescription('Seconds a member waits between questions (leave empty for the default)')
          .setNameLocalizations({ ja: 'クールダウン' })
          .setDescriptionLocalizations({ ja: '質問と質問の間の待ち時間（秒、空欄で既定値）' })
          .addIntegerOption((option) =>
            option.setName('seconds').setDescription('0–3600').setMinValue(0).setMaxValue(3600),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('language')
          .setDescription("Default reply language when a question's own language does not decide")
          .setNameLocalizations({ ja: '言語' })
          .setDescriptionLocalizations({ ja: '質問の言語で決まらないときの既定の回答言語' })
          .addStringOption((option) =>
            option
              .setName('value')
              .setDescription('English, Japanese, or each member’s Discord language')
              .setRequired(true)
              .addChoices(
                { name: 'English', value: 'en' },
                { name: '日本語', value: 'ja' },
                { name: "Each member's Discord language", value: 'auto' },
              ),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('footer')
          .setDescription('A short line under every answer (leave empty to remove it)')
          .setNameLocalizations({ ja: 'フッター' })
          .setDescriptionLocalizations({ ja: 'すべての回答の下に表示する短い一文（空欄で削除）' })
          .addStringOption((option) =>
            option
              .setName('text')
              .setDescription('e.g. "Not legal advice — ask in #help"')
              .setMaxLength(MAX_FOOTER_LENGTH),
          ),
      )
      .addSubcommand((sub) =>
        sub
          .setName('keep-questions')
          .setDescription('Whether question text is kept (for RETENTION_DAYS) for /gaps')
          .setNameLocalizations({ ja: '質問文の保存' })
          .setDescriptionLocalizations({
            ja: '/gaps のために質問文を保存するかどうか（RETENTION_DAYS の間）',
          })
          .addBooleanOption((option) =>
            option.setName('enabled').setDescription('Keep question text').setRequired(true),
          ),
      ),
  adminOnly: true,
  async execute(interaction, services) {
    const say = communityMessages(languageOfLocale(interaction.locale));
    const guildId = interaction.guildId;
    const community = services.community;
    if (!community || guildId === null) return sendPrivateNotice(interaction, say.storageUnavailable);
    const defaults = { cooldownSeconds: services.config.discord.askCooldownSeconds };
    const subcommand = interaction.options.getSubcommand(false) ?? 'show';
    try {
      if (subcommand === 'show') {
        const current = await community.settingsFor(guildId);
        await interaction.reply({
          ...formatSettingsMessage(current, defaults, say),
          flags: MessageFlags.Ephemeral,
        });
        return;
      }
      const change = changeFor(subcommand, interaction, say);
      const saved = await community.updateSettings(guildId, change);
      services.logger.info({ setting: subcommand }, 'server settings changed');
      await interaction.reply({
        ...formatSettingsMessage(saved, defaults, say, say.settingsSaved),
        flags: MessageFlags.Ephemeral,
      });
    } catch (error) {
      if (error instanceof SettingRefused) return sendPrivateNotice(interaction, error.message);
      if (!(error instanceof StorageUnavailableError)) throw error;
      services.logger.warn({ err: { message: error.message } }, '/settings: storage unavailable');
      await sendPrivateNotice(interaction, say.storageUnavailable);
    }
  },
} satisfies Command;

/** How a subcommand changes the settings (a pure function of the current ones). */
function changeFor(
  subcommand: string,
  interaction: ChatInputCommandInteraction,
  say: CommunityMessages,
): (current: ServerSettings) => ServerSettings {
  const options = interaction.options;
  switch (subcommand) {
    case 'add-channel': {
      const channel = options.getChannel('channel', true);
      if (!(ANSWER_CHANNEL_TYPES as readonly number[]).includes(channel.type))
        throw new SettingRefused(say.notAnswerChannelType);
      return (current) => {
        if (current.answerChannelIds.includes(channel.id)) return current;
        if (current.answerChannelIds.length >= MAX_ANSWER_CHANNELS)
          throw new SettingRefused(say.tooManyChannels(MAX_ANSWER_CHANNELS));
        return { ...current, answerChannelIds: [...current.answerChannelIds, channel.id] };
      };
    }
    case 'remove-channel': {
      const channel = options.getChannel('channel', true);
      return (current) => ({
        ...current,
        answerChannelIds: current.answerChannelIds.filter((id) => id !== channel.id),
      });
    }
    case 'threads': {
      const enabled = options.getBoolean('enabled', true);
      return (current) => ({ ...current, mentionThreads: enabled });
    }
    case 'cooldown': {
      const seconds = options.getInteger('seconds');
      return ({ cooldownSeconds: _, ...rest }) =>
        seconds === null ? rest : { ...rest, cooldownSeconds: seconds };
    }
    case 'language': {
      const value = options.getString('value', true);
      return ({ language: _, ...rest }) =>
        value === 'en' || value === 'ja' ? { ...rest, language: value } : rest;
    }
    case 'footer': {
      const text = options.getString('text')?.trim();
      return ({ footer: _, ...rest }) =>
        text ? { ...rest, footer: text.slice(0, MAX_FOOTER_LENGTH) } : rest;
    }
    case 'keep-questions': {
      const enabled = options.getBoolean('enabled', true);
      return (current) => ({ ...current, keepQuestionText: enabled });
    }
    default:
      return (current) => current;
  }
}
