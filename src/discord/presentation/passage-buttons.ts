import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';

import { passageCustomId } from '../interactions/passage-custom-id.js';
import { DiscordLimits } from './discord-limits.js';
import { fitText } from './fit-text.js';

/** One button to offer: its label and the passage it reveals. */
export interface PassageButton {
  readonly label: string;
  readonly passageId: string;
}

/**
 * Rows of "show the exact passage" buttons, five to a row, at most five rows. Buttons whose custom id
 * would be too long are left out rather than sent and rejected.
 */
export function passageButtonRows(
  buttons: readonly PassageButton[],
): APIActionRowComponent<APIButtonComponent>[] {
  const components: APIButtonComponent[] = [];
  for (const button of buttons) {
    const customId = passageCustomId(button.passageId);
    if (customId === undefined) continue;
    components.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: fitText(button.label, DiscordLimits.buttonLabel),
      custom_id: customId,
    });
  }
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const maxButtons = DiscordLimits.actionRows * DiscordLimits.buttonsPerRow;
  const kept = components.slice(0, maxButtons);
  for (let start = 0; start < kept.length; start += DiscordLimits.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: kept.slice(start, start + DiscordLimits.buttonsPerRow),
    });
  }
  return rows;
}
