import type { APIMessage } from 'discord.js';

/** Everything a person reads in a message: content, embed titles, descriptions, fields, footers. */
export function messageText(message: Pick<APIMessage, 'content' | 'embeds'> | undefined): string {
  if (!message) return '';
  const parts: string[] = [message.content];
  for (const embed of message.embeds ?? []) {
    parts.push(embed.author?.name ?? '', embed.title ?? '', embed.description ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    parts.push(embed.footer?.text ?? '');
  }
  return parts.filter(Boolean).join('\n');
}

/** Custom ids of every button in a message. */
export function buttonIds(message: Pick<APIMessage, 'components'> | undefined): string[] {
  const ids: string[] = [];
  for (const row of message?.components ?? []) {
    if (!('components' in row)) continue;
    for (const component of row.components as unknown as { custom_id?: string }[]) {
      if (component.custom_id) ids.push(component.custom_id);
    }
  }
  return ids;
}
