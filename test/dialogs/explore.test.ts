import { ConversationHarness, reachCollection } from './conversationHarness';

it('explores', async () => {
  const h = new ConversationHarness();
  await reachCollection(h);
  await h.say('415-555-0123');
  console.log(Object.keys((h.storage as unknown as { memory: object }).memory));
});
