/** What the bot itself (outside any dialog) says to the customer, in one place for review and translation. */
export const text = {
  /** In a Teams team channel: ports involve account numbers and PINs, which don't belong in a shared channel. */
  teamChannelMessage:
    'I help with number transfers one-to-one, because they involve account numbers and PINs. Open a chat with me ' +
    '(select my name, then **Chat**) and say **start my port**.',
  addedToTeam:
    "Hi, I'm the Porting Assistant. I take customers and support staff through moving a phone number to us. " +
    'To start a transfer, open a one-to-one chat with me.',
  turnError:
    'Sorry, something went wrong on my side. Your answers so far are saved — please send your last message again, or type **agent** to reach a person.',
} as const;
