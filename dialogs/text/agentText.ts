/** What agents read in the agents' channel or console: escalation cards, the queue, takeovers and corrections. */
import type { EscalationReason } from '../../src/handoff/escalation';
import { joinAsList, literalMarkdown } from '../../src/domain/text';
import type { Language } from '../../src/i18n/language';

/** The takeover card's box that keeps a value breaking a carrier rule we haven't confirmed. */
const AS_TYPED_TITLE = 'The customer confirmed it is exactly what their carrier gave';

const waitedFor = (minutes: number) => (minutes < 1 ? 'just now' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`);

export const agentText = {
  reasons: {
    asked: 'Asked for a person',
    stuck: 'Stuck on a question',
    serviceCancelled: 'Already cancelled their current service',
    rejectionNeedsPerson: 'Port rejected for a reason that needs a person',
  } satisfies Record<EscalationReason, string>,
  card: {
    heading: 'A customer needs a person',
    summaryHeading: 'Details so far (secrets masked)',
    transcriptHeading: 'Recent conversation',
    take: 'Take over',
    reason: 'Reason',
    step: 'Where they are',
    since: 'Waiting since',
    customer: 'Customer',
    language: 'Language',
    callback: 'Callback to',
  },
  /** The customer's language, on the escalation card: agents write to them in it, and it is relayed as typed. */
  languages: { en: 'English', es: 'Spanish (write in Spanish: your messages reach the customer as you type them)' } satisfies Record<Language, string>,
  status: {
    waiting: 'Waiting for an agent',
    callback: (email: string) => `Waiting for a callback by email to ${email}`,
    takenBy: (name: string) => `Taken by ${name}`,
    platform: 'Taken by the contact centre',
    endedBy: (name: string) => `Handed back to the bot by ${name}`,
    customerLeft: 'The customer went back to the bot',
    deleted: 'The customer asked us to delete their data: nothing to follow up',
    callbackTaken: (name: string, email: string) => `${name} is answering by email (${email})`,
  },
  steps: {
    menu: 'At the menu, no port started',
    starting: 'Starting a port: no details given yet',
    collecting: (done: number, total: number, next: string | undefined) =>
      `Giving their details: ${done} of ${total} done` + (next ? `; next: ${next}` : ''),
    reviewing: 'Reviewing their details before signing',
    signing: 'Signing the Letter of Authorization',
    signed: (reference: string) => `Request ${reference} signed and sent`,
    correcting: (reference: string) => `Correcting rejected request ${reference}`,
    rejected: (reference: string, code: string, words: string) => `Request ${reference} rejected by the carrier (${code}): ${words}`,
  },
  speakers: { customer: 'Customer', bot: 'Bot', agent: 'Agent' },
  hiddenSecretAnswer: '(a PIN or account number: hidden)',
  takeover: {
    heading: "You're chatting with the customer",
    intro:
      'Everything you type here goes to the customer, under your first name. Type **end** (or use the button) to hand ' +
      'them back to the bot, which carries on where they stopped with your corrections.',
    transcriptHeading: 'Conversation so far',
    correctHeading: 'Correct a detail (the customer sees the change; the PIN is never shown or changed here)',
    fieldLabel: 'Detail',
    fieldRequired: 'Choose the detail to correct.',
    valueLabel: 'New value',
    valuePlaceholder: 'Exactly as on the customer’s CSR',
    valueRequired: 'Type the new value.',
    asTypedTitle: AS_TYPED_TITLE,
    save: 'Save correction',
    end: 'Hand back to the bot',
  },
  queue: {
    heading: 'Customers waiting for a person',
    empty: 'No one is waiting. New escalations appear in this channel as cards.',
    headline: (reason: EscalationReason, waitedMinutes: number) => `${agentText.reasons[reason]} — ${waitedFor(waitedMinutes)}`,
    callbackHeadline: (email: string, waitedMinutes: number) => `Callback by email to ${email} — ${waitedFor(waitedMinutes)}`,
    take: 'Take',
  },
  joined: "You're in the agents' console. Escalations will appear here as cards. Type **queue** to see who is waiting.",
  wrongToken: "That agent token isn't right, so this chat has not joined the agents' console.",
  notAuthorized: 'Only members of our porting agents’ team can take over chats or read the queue.',
  help:
    'Type **queue** to see the customers waiting, and use **Take over** on a card to take one. While you have a chat, ' +
    'everything you type goes to the customer; type **end** to hand them back to the bot.',
  alreadyTaken: (name: string) => `${name} already has this chat.`,
  gone: 'This chat has ended: the customer went back to the bot or the chat was handed back.',
  busy: 'You already have a chat here. Type **end** to hand that customer back to the bot before taking another.',
  notYourChat: (name: string) => `${name} has this chat: only they can talk to the customer, correct details or end it.`,
  callbackTaken: (email: string) => `You have this callback: please email the customer at ${email}. It is off the queue now.`,
  ended: 'Handed back to the bot. The customer carries on where they stopped.',
  customerLeft: 'The customer went back to the bot. This chat has ended.',
  /** The customer's words as they typed them: markdown of theirs would pass for the bot's own lines and links. */
  customerSays: (message: string) => `**Customer:** ${literalMarkdown(message)}`,
  corrected: (label: string, shown: string, cleared: readonly string[] = []) =>
    `Saved: ${label} is now ${shown}. The customer has been told.` +
    (cleared.length > 0
      ? ` That change clears their ${joinAsList(cleared.map((field) => field.toLowerCase()))}: the bot asks for ${cleared.length > 1 ? 'them' : 'it'} again after you hand back (never ask for a PIN yourself).`
      : ''),
  correctionRefused: (label: string, message: string) => `Not saved: the ${label} was refused. ${message}`,
  /** A value that breaks a carrier rule we haven't confirmed: the customer's word decides, as it does in the chat. */
  ruleQuestion: (rule: string) =>
    `${rule} Ask the customer whether it is exactly what their carrier gave them; if it is, tick "${AS_TYPED_TITLE}" ` +
    'and save it again.',
  correctionTooLate: 'The request is already signed and sent, so details can no longer be changed here.',
  pinNotCorrectable: 'The PIN cannot be seen or changed by agents: the customer gives it to the bot themselves.',
  customerUnreachable: "The customer's chat could not be reached: they may have closed it.",
  noChat: 'You have no chat with a customer here right now. Type **queue** to see who is waiting.',
  commands: { queue: /^(?:queue|list|waiting|who(?:'s| is) waiting)$/i, end: /^(?:end|done|hand ?back|finish|close)$/i },
} as const;
