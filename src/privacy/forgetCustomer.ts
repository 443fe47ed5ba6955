import type { ConversationState, Storage, TurnContext, UserState } from 'botbuilder';
import type { MailStore } from '../mail/mailStore';
import type { OutboxStore } from '../submission/outbox/outboxStore';
import { deleteCustomerData, type ForgottenData } from './deleteCustomerData';

export type { ForgottenData } from './deleteCustomerData';

/** "Delete my data" for the customer of the turn, whose submitted requests are `referenceNumbers`. */
export type CustomerForgetter = (context: TurnContext, referenceNumbers: readonly string[]) => Promise<ForgottenData>;

export interface CustomerStores {
  /** The storage the outbox and the states are in. */
  readonly storage: Storage;
  readonly outbox: OutboxStore;
  /** The emails queued about their requests; none when email is off. */
  readonly mail?: MailStore;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly clock: () => Date;
}

const FORGOTTEN = Symbol('customerForgotten');

/**
 * Deletes everything the bot stores about the customer of a turn: their port requests (see deleteCustomerData) and
 * the emails queued about them, their user state (the porting session) and this conversation's state (dialog stack,
 * card ledger, transcript, greeting).
 *
 * The states go from the turn as well as from storage, and the turn is marked so that its end saves no state at all
 * (see customerForgotten): whatever the rest of the turn writes, nothing of the customer comes back. It still runs on
 * the dialog stack it holds, to tell the customer what was done and show the menu; their next message begins a new
 * conversation, greeted as a new customer.
 */
export function customerForgetter(stores: CustomerStores): CustomerForgetter {
  return async (context, referenceNumbers) => {
    // The requests first: should that fail, the session still names them for the customer's next try.
    const forgotten = await deleteCustomerData(stores.storage, stores.outbox, referenceNumbers, stores.clock());
    // Emails about withdrawn requests must not go out, and the queue holds the customer's address.
    await stores.mail?.forget(referenceNumbers);
    // botbuilder's delete drops the turn's cached state with the stored item.
    await stores.userState.delete(context);
    await stores.conversationState.delete(context);
    context.turnState.set(FORGOTTEN, true);
    return forgotten;
  };
}

/** Whether the turn deleted its customer's data: then none of its state is saved. */
export function customerForgotten(context: TurnContext): boolean {
  return context.turnState.get(FORGOTTEN) === true;
}
