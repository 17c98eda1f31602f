import { InteractionContextType, SlashCommandBuilder } from 'discord.js';

import { KizunaError } from '../../core/errors.js';
import { replyWithEmbedsOrText } from '../interactions/respond.js';
import { DiscordLimits } from '../presentation/discord-limits.js';
import { formatQuoteMessage } from '../presentation/quote-message.js';
import { neutralizeMentions } from '../presentation/sanitize.js';
import { catalogueForLocale } from '../presentation/reply-language.js';
import type { Command } from './command.js';

/** `/quote [speaker] [topic]`: a quotation with its speaker and citation; random with no options. */
export const quoteCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('quote')
      .setNameLocalizations({ ja: '引用' })
      .setDescription('A quotation from the fact sheets, with its speaker and source')
      .setDescriptionLocalizations({ ja: 'ファクトシートにある発言を、発言者と出典付きで引用します' })
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .addStringOption((option) =>
        option
          .setName('speaker')
          .setNameLocalizations({ ja: '発言者' })
          .setDescription('Who said it (start typing for suggestions)')
          .setDescriptionLocalizations({ ja: '発言者（入力すると候補が表示されます）' })
          .setMaxLength(100)
          .setAutocomplete(true),
      )
      .addStringOption((option) =>
        option
          .setName('topic')
          .setNameLocalizations({ ja: '話題' })
          .setDescription('Words the quotation should be about, e.g. "trade"')
          .setDescriptionLocalizations({ ja: '引用の話題（例：貿易）' })
          .setMaxLength(100),
      ),
  async execute(interaction, services) {
    const speaker = interaction.options.getString('speaker')?.trim() || undefined;
    const topic = interaction.options.getString('topic')?.trim() || undefined;
    const result = services.core.quote({ speaker, topic });
    if (!result) {
      const asked = [speaker && `speaker “${speaker}”`, topic && `topic “${topic}”`]
        .filter(Boolean)
        .join(' and ');
      throw new KizunaError(
        'INVALID_INPUT',
        neutralizeMentions(
          `I found no quotation for ${asked || 'that'}. Try \`/quote\` with fewer options, or none for a random one.`,
        ),
      );
    }
    await replyWithEmbedsOrText(
      interaction,
      formatQuoteMessage(result, catalogueForLocale(interaction.locale)),
    );
  },
  async autocomplete(interaction, services) {
    // The core reads what was typed as /quote's search does (diacritics, Japanese names: 安倍 → Abe).
    const choices = services.core
      .speakers(interaction.options.getFocused())
      .filter((speaker) => speaker.length <= DiscordLimits.choiceValue)
      .slice(0, DiscordLimits.autocompleteChoices)
      .map((speaker) => ({ name: speaker, value: speaker }));
    await interaction.respond(choices);
  },
} satisfies Command;
