import {
  ActionRowBuilder,
  ButtonBuilder,
  type ButtonInteraction,
  ButtonStyle,
  ChatInputCommandInteraction,
  type Client,
  type DiscordAPIError,
  DiscordjsError,
  Events,
  type Interaction,
  MessageFlags,
  ModalBuilder,
  type ModalSubmitInteraction,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  type StringSelectMenuInteraction,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTestClient, nextEvent } from './connect-test-client.js';
import { type DiscordSimulator, startDiscordSimulator } from './index.js';

const clients: Client[] = [];
const simulators: DiscordSimulator[] = [];

async function setUp(
  options?: Parameters<typeof startDiscordSimulator>[0],
): Promise<{ sim: DiscordSimulator; client: Client<true> }> {
  const sim = await startDiscordSimulator(options);
  simulators.push(sim);
  const client = await connectTestClient(sim);
  clients.push(client);
  return { sim, client };
}

function nextInteraction<T extends Interaction>(
  client: Client,
  filter: (interaction: Interaction) => boolean = () => true,
): Promise<T> {
  return nextEvent<[Interaction]>(client, Events.InteractionCreate, filter).then(
    ([interaction]) => interaction as T,
  );
}

const askCommand = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask about the alliance')
  .addStringOption((option) =>
    option.setName('question').setDescription('Your question').setRequired(true).setAutocomplete(true),
  )
  .addIntegerOption((option) => option.setName('sources').setDescription('How many sources'));

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.destroy()));
  await Promise.all(simulators.splice(0).map((sim) => sim.stop()));
});

describe('Discord simulator interactions', () => {
  it('delivers a slash command as a ChatInputCommandInteraction and records deferReply then editReply', async () => {
    const { sim, client } = await setUp();
    await client.application.commands.set([askCommand.toJSON()]);
    const received = nextInteraction<ChatInputCommandInteraction>(client);

    const run = sim.userRunsCommand({ name: 'ask', options: { question: 'What is Kizuna?', sources: 3 } });
    const interaction = await received;
    await interaction.deferReply();
    await interaction.editReply('An answer [1]');
    const final = await run.finalMessage();

    expect(interaction).toBeInstanceOf(ChatInputCommandInteraction);
    expect(interaction.commandId).toBe(sim.commands()[0]?.id);
    expect(interaction.options.getString('question')).toBe('What is Kizuna?');
    expect(interaction.options.getInteger('sources')).toBe(3);
    expect(interaction.user.id).toBe(sim.defaultUser.id);
    expect(interaction.inGuild()).toBe(true);
    expect(interaction.memberPermissions?.has('SendMessages')).toBe(true);
    expect(run.responses.map((response) => [response.kind, response.callbackType, response.status])).toEqual([
      ['callback', 5, 204],
      ['edit-original', undefined, 200],
    ]);
    expect(final.content).toBe('An answer [1]');
    expect(final.interaction_metadata?.id).toBe(interaction.id);
    expect(sim.messages(sim.defaultChannelId).map((message) => message.content)).toEqual(['An answer [1]']);
    expect(sim.unknownRequests).toEqual([]);
  });

  it('rejects a second acknowledgement: discord.js throws, and Discord answers 40060 at the REST level', async () => {
    const { sim, client } = await setUp();
    const received = nextInteraction<ChatInputCommandInteraction>(client);
    const run = sim.userRunsCommand({ name: 'ask', options: { question: 'twice?' } });
    const interaction = await received;

    await interaction.reply('first');
    const libraryError = await interaction.reply('second').catch((caught: unknown) => caught);
    const restError = await client.rest
      .post(Routes.interactionCallback(interaction.id, interaction.token), {
        body: { type: 4, data: { content: 'again' } },
        auth: false,
      })
      .catch((caught: unknown) => caught);

    expect(libraryError).toBeInstanceOf(DiscordjsError);
    expect((restError as DiscordAPIError).code).toBe(40060);
    expect((restError as DiscordAPIError).status).toBe(400);
    expect(run.responses.map((response) => response.status)).toEqual([204, 400]);
  });

  it('answers 10062 Unknown interaction once the acknowledgement window has passed', async () => {
    const { sim, client } = await setUp({ ackTimeoutMs: 50 });
    const received = nextInteraction<ChatInputCommandInteraction>(client);
    sim.userRunsCommand({ name: 'ask', options: { question: 'slow?' } });
    const interaction = await received;
    await new Promise((resolve) => setTimeout(resolve, 100));

    const error = await interaction.deferReply().catch((caught: unknown) => caught);

    expect((error as DiscordAPIError).status).toBe(404);
    expect((error as DiscordAPIError).code).toBe(10062);
  });

  it('round-trips autocomplete choices, and rejects more than 25', async () => {
    const { sim, client } = await setUp();
    await client.application.commands.set([askCommand.toJSON()]);
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      const count = typed === 'many' ? 26 : 2;
      void interaction
        .respond(
          Array.from({ length: count }, (_, index) => ({
            name: `${typed} ${index}`,
            value: `${typed}-${index}`,
          })),
        )
        .catch(() => undefined);
    });

    const choices = await sim.userAutocompletes({ name: 'ask', focusedOption: 'question', value: 'trade' });
    const tooMany = await sim
      .userAutocompletes({ name: 'ask', focusedOption: 'question', value: 'many' })
      .catch((caught: unknown) => caught);

    expect(choices).toEqual([
      { name: 'trade 0', value: 'trade-0' },
      { name: 'trade 1', value: 'trade-1' },
    ]);
    expect(String(tooMany)).toMatch(/rejected \(400\)/);
  });

  it('delivers a button click on a bot message as a ButtonInteraction and records the update', async () => {
    const { sim, client } = await setUp();
    const received = nextInteraction<ChatInputCommandInteraction>(client);
    const run = sim.userRunsCommand({ name: 'ask', options: { question: 'with buttons' } });
    const command = await received;
    await command.reply({
      content: 'Was this helpful?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('feedback:yes').setLabel('Yes').setStyle(ButtonStyle.Success),
        ),
      ],
    });
    const answer = await run.finalMessage({ settleMs: 20 });
    const clicked = nextInteraction<ButtonInteraction>(client, (interaction) => interaction.isButton());

    const click = sim.userClicksButton(answer, 'feedback:yes');
    const button = await clicked;
    await button.update({ content: 'Thanks!', components: [] });
    await click.awaitResponse();

    expect(button.customId).toBe('feedback:yes');
    expect(button.message.id).toBe(answer.id);
    expect(click.responses[0]).toMatchObject({ kind: 'callback', callbackType: 7, status: 204 });
    expect(sim.message(answer.id)?.content).toBe('Thanks!');
    expect(() => sim.userClicksButton(answer, 'feedback:no')).toThrow(/no button/);
  });

  it('runs a command in a DM with user instead of member and context 1', async () => {
    const { sim, client } = await setUp();
    const received = nextInteraction<ChatInputCommandInteraction>(client);

    const run = sim.userRunsCommand({ name: 'ask', options: { question: 'in private' }, dm: true });
    const interaction = await received;
    await interaction.reply({ content: 'private answer', flags: MessageFlags.Ephemeral });
    const final = await run.finalMessage({ settleMs: 20 });

    expect(run.payload).toMatchObject({ context: 1, user: { id: sim.defaultUser.id } });
    expect(run.payload).not.toHaveProperty('member');
    expect(interaction.inGuild()).toBe(false);
    expect(run.isEphemeral()).toBe(true);
    expect(final.content).toBe('private answer');
    expect(sim.messages(run.payload.channel?.id ?? '')).toEqual([]);
  });

  it('opens a modal and delivers its submission with the typed values', async () => {
    const { sim, client } = await setUp();
    const received = nextInteraction<ChatInputCommandInteraction>(client);
    const run = sim.userRunsCommand({ name: 'ask', options: { question: 'long form' } });
    const command = await received;
    await command.showModal(
      new ModalBuilder()
        .setCustomId('long-question')
        .setTitle('Ask in detail')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder()
              .setCustomId('details')
              .setLabel('Details')
              .setStyle(TextInputStyle.Paragraph),
          ),
        ),
    );
    await run.awaitResponse();
    const submitted = nextInteraction<ModalSubmitInteraction>(client, (interaction) =>
      interaction.isModalSubmit(),
    );

    sim.userSubmitsModal(run, { details: 'What did the 2024 fact sheet announce?' });
    const modal = await submitted;

    expect(modal.customId).toBe('long-question');
    expect(modal.fields.getTextInputValue('details')).toBe('What did the 2024 fact sheet announce?');
  });

  it('turns the first follow-up after a deferral into the original response, later ones into new messages', async () => {
    const { sim, client } = await setUp();
    const received = nextInteraction<ChatInputCommandInteraction>(client);
    const run = sim.userRunsCommand({ name: 'ask', options: { question: 'follow-ups' } });
    const interaction = await received;

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.followUp('part one');
    await interaction.followUp('part two');

    expect(run.originalMessage()?.content).toBe('part one');
    expect(run.followUps().map((message) => message.content)).toEqual(['part two']);
    expect(run.isEphemeral()).toBe(true);
  });

  it('delivers a string select with the picked values, refusing values the menu does not offer', async () => {
    const { sim, client } = await setUp();
    const channel = client.channels.cache.get(sim.defaultChannelId);
    if (!channel?.isSendable()) throw new Error('default channel should be sendable');
    const menu = await channel.send({
      content: 'Pick a fact sheet',
      components: [
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId('sheet')
            .addOptions({ label: '2024', value: 'fs-2024' }, { label: '2025', value: 'fs-2025' }),
        ),
      ],
    });
    const received = nextInteraction<StringSelectMenuInteraction>(client, (interaction) =>
      interaction.isStringSelectMenu(),
    );

    sim.userSelects(menu.id, 'sheet', ['fs-2025']);
    const selection = await received;

    expect(selection.values).toEqual(['fs-2025']);
    expect(() => sim.userSelects(menu.id, 'sheet', ['fs-1999'])).toThrow(/offers no option/);
  });

  it('rejects components over their limits (6 rows, long button label, duplicate custom_id)', async () => {
    const { sim, client } = await setUp();
    const channel = client.channels.cache.get(sim.defaultChannelId);
    if (!channel?.isSendable()) throw new Error('default channel should be sendable');
    // Raw JSON: discord.js builders would refuse these before they reach the simulator.
    const row = (customId: string, label = 'ok') => ({
      type: 1,
      components: [{ type: 2, style: ButtonStyle.Primary, custom_id: customId, label }],
    });

    const sixRows = await channel
      .send({ content: 'x', components: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => row(id)) })
      .catch((caught: unknown) => caught);
    const longLabel = await channel
      .send({ content: 'x', components: [row('a', 'l'.repeat(81))] })
      .catch((caught: unknown) => caught);
    const duplicate = await channel
      .send({ content: 'x', components: [row('same'), row('same')] })
      .catch((caught: unknown) => caught);

    expect((sixRows as DiscordAPIError).rawError).toMatchObject({
      code: 50035,
      errors: { components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });
    expect((longLabel as DiscordAPIError).rawError).toMatchObject({
      errors: {
        components: { 0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } },
      },
    });
    expect((duplicate as DiscordAPIError).rawError).toMatchObject({
      errors: {
        components: {
          1: { components: { 0: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } },
        },
      },
    });
  });

  it('validates command registration like Discord (required options first) and keeps ids across overwrites', async () => {
    const { sim, client } = await setUp();
    const badOrder = {
      name: 'ask',
      description: 'Ask',
      options: [
        { type: 3, name: 'optional', description: 'o' },
        { type: 3, name: 'required', description: 'r', required: true },
      ],
    };

    const error = await client.application.commands.set([badOrder]).catch((caught: unknown) => caught);
    const first = await client.application.commands.set([askCommand.toJSON()], sim.defaultGuildId);
    const second = await client.application.commands.set([askCommand.toJSON()], sim.defaultGuildId);

    expect((error as DiscordAPIError).rawError).toMatchObject({
      errors: {
        0: {
          options: {
            1: { required: { _errors: [{ code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID' }] } },
          },
        },
      },
    });
    expect(sim.commands()).toEqual([]);
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(sim.commands(sim.defaultGuildId).map((command) => command.name)).toEqual(['ask']);
    expect(() => sim.userRunsCommand({ name: 'ask', options: { sources: 2 } })).toThrow(
      /requires option "question"/,
    );
  });
});
