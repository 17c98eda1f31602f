import {
  ButtonStyle,
  ChannelType,
  type Client,
  ComponentType,
  Events,
  type Interaction,
  type Message,
  type ModalSubmitInteraction,
  type ButtonInteraction,
  type ThreadChannel,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';

import { connectTestClient, nextEvent } from './connect-test-client.js';
import { type DiscordSimulator, startDiscordSimulator } from './index.js';

const clients: Client[] = [];
const simulators: DiscordSimulator[] = [];

async function setUp(): Promise<{ sim: DiscordSimulator; client: Client<true> }> {
  const sim = await startDiscordSimulator();
  simulators.push(sim);
  const client = await connectTestClient(sim);
  clients.push(client);
  return { sim, client };
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await Promise.all(simulators.splice(0).map((sim) => sim.stop()));
});

describe('Discord simulator: forum posts by members', () => {
  it('GIVEN a member opens a forum post THEN the bot gets the thread, then its first message, whose id is the thread’s', async () => {
    const { sim, client } = await setUp();
    const forum = sim.createChannel(sim.defaultGuildId, { name: 'questions', type: ChannelType.GuildForum });
    const created = nextEvent<[ThreadChannel]>(client, Events.ThreadCreate);
    const received = nextEvent<[Message]>(client, Events.MessageCreate);
    const post = await sim.userCreatesForumPost({
      channelId: forum.id,
      title: 'Reiwa?',
      content: 'What does Reiwa mean?',
    });
    const [thread] = await created;
    const [message] = await received;
    expect(thread.id).toBe(post.id);
    expect(thread.parentId).toBe(forum.id);
    expect(thread.ownerId).toBe(sim.defaultUser.id);
    expect(message.id).toBe(post.id);
    expect(message.channelId).toBe(post.id);
    expect(message.content).toBe('What does Reiwa mean?');
    await message.reply('An answer in the post');
    expect(sim.messages(post.id).map((stored) => stored.content)).toEqual([
      'What does Reiwa mean?',
      'An answer in the post',
    ]);
  });

  it('GIVEN a channel that is not a forum THEN it refuses to make a post there', async () => {
    const { sim } = await setUp();
    await expect(
      sim.userCreatesForumPost({ channelId: sim.defaultChannelId, title: 'x', content: 'y' }),
    ).rejects.toThrow(/not a forum/u);
  });
});

describe('Discord simulator: string selects in modals', () => {
  it('GIVEN a modal with a select and a text input in labels THEN the submission carries the picked value and the text', async () => {
    const { sim, client } = await setUp();
    const sent = await sim.userSendsMessage({ content: 'hello' });
    const channel = await client.channels.fetch(sent.channel_id);
    if (!channel?.isSendable()) throw new Error('no channel');
    const withButton = await channel.send({
      content: 'rate me',
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'no', custom_id: 'down' },
          ],
        },
      ],
    });
    const clicked = nextEvent<[Interaction]>(client, Events.InteractionCreate);
    const click = sim.userClicksButton(withButton.id, 'down');
    const [button] = (await clicked) as [ButtonInteraction];
    await button.showModal({
      custom_id: 'why',
      title: 'What was wrong?',
      components: [
        {
          type: ComponentType.Label,
          label: 'Reason',
          component: {
            type: ComponentType.StringSelect,
            custom_id: 'reason',
            options: [
              { label: 'Wrong source', value: 'wrong-source' },
              { label: 'Other', value: 'other' },
            ],
          },
        },
        {
          type: ComponentType.Label,
          label: 'Comment',
          component: { type: ComponentType.TextInput, custom_id: 'comment', style: 2, required: false },
        },
      ],
    });
    await click.awaitResponse();
    expect(() => sim.userSubmitsModal(click, { reason: 'sideways' })).toThrow(/offers no option/u);
    const submitted = nextEvent<[Interaction]>(client, Events.InteractionCreate);
    sim.userSubmitsModal(click, { reason: 'wrong-source', comment: 'It was 2019' });
    const [modal] = (await submitted) as [ModalSubmitInteraction];
    expect(modal.fields.getStringSelectValues('reason')).toEqual(['wrong-source']);
    expect(modal.fields.getTextInputValue('comment')).toBe('It was 2019');
  });
});
