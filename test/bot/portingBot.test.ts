import { ActivityTypes, Channels, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { PortingBot, WEB_CHAT_JOIN_EVENT } from '../../src/bot/portingBot';
import { text } from '../../src/bot/text';

/** A PortingBot whose dialog runner records what reached it and answers with the text it was given. */
function botRecordingTurns() {
  const reached: Partial<Activity>[] = [];
  const bot = new PortingBot(async (context: TurnContext) => {
    reached.push({ type: context.activity.type, text: context.activity.text });
    await context.sendActivity(`dialog got: ${context.activity.text ?? context.activity.type}`);
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  return { reached, adapter };
}

const botAccount = { id: 'bot-id', name: 'Porting Assistant' };

function teamsActivity(conversationType: 'personal' | 'channel', activity: Partial<Activity>): Partial<Activity> {
  return {
    channelId: Channels.Msteams,
    recipient: botAccount,
    from: { id: 'staff-1', name: 'Sam' },
    conversation: { id: `teams-${conversationType}`, conversationType, isGroup: conversationType === 'channel', name: '' },
    ...activity,
  };
}

describe('PortingBot', () => {
  it('hands Teams messages to the dialogs without the bot’s @mention', async () => {
    const { reached, adapter } = botRecordingTurns();
    const mention = { type: 'mention', mentioned: botAccount, text: '<at>Porting Assistant</at>' };

    await adapter
      .send(teamsActivity('personal', { type: ActivityTypes.Message, text: '<at>Porting Assistant</at> start my port', entities: [mention] }))
      .assertReply('dialog got: start my port');

    expect(reached).toEqual([{ type: ActivityTypes.Message, text: 'start my port' }]);
  });

  it('keeps ports out of a Teams team channel, pointing to a one-to-one chat', async () => {
    const { reached, adapter } = botRecordingTurns();

    await adapter.send(teamsActivity('channel', { type: ActivityTypes.Message, text: 'start my port' })).assertReply(text.teamChannelMessage);

    expect(reached).toEqual([]);
  });

  it('introduces itself once when installed in a team, and stays quiet when colleagues join the team', async () => {
    const { reached, adapter } = botRecordingTurns();

    await adapter
      .send(teamsActivity('channel', { type: ActivityTypes.ConversationUpdate, membersAdded: [botAccount] }))
      .assertReply(text.addedToTeam)
      .send(teamsActivity('channel', { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'new-colleague', name: 'Ana' }] }))
      .assertNoReply('no post for a colleague joining', 100);

    expect(reached).toEqual([]);
  });

  it('greets a customer who joins a chat, and a Web Chat page that opens, through the dialogs', async () => {
    const { reached, adapter } = botRecordingTurns();

    await adapter
      .send({ type: ActivityTypes.ConversationUpdate, recipient: botAccount, membersAdded: [{ id: 'user-1', name: 'Customer' }] })
      .assertReply('dialog got: conversationUpdate')
      .send({ type: ActivityTypes.Event, name: WEB_CHAT_JOIN_EVENT, recipient: botAccount })
      .assertReply('dialog got: event');

    expect(reached.map((activity) => activity.type)).toEqual([ActivityTypes.ConversationUpdate, ActivityTypes.Event]);
  });

  it('runs a turn whose activity names no sender, which has no user state to read', async () => {
    const { reached, adapter } = botRecordingTurns();

    await adapter.send({ type: ActivityTypes.Message, text: 'hello', from: { id: '', name: 'Someone' } }).assertReply('dialog got: hello');

    expect(reached).toEqual([{ type: ActivityTypes.Message, text: 'hello' }]);
  });
});

