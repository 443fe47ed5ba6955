/**
 * What internal support staff read in Teams (dialogs/staff): their menu, port look-ups and carrier how-to, and the
 * words they type that the bot recognizes. What the customer is told stays in the customers' catalogues; where staff
 * read a customer's words (the carrier's instructions), those come from there.
 */
import type { Language } from '../../src/i18n/language';
import type { Carrier, CarrierRef, PinRule, RejectionReason } from '../../src/domain';
import { literalMarkdown } from '../../src/domain/text';
import type { PortProgress } from '../../src/submission/events/portStatus';
import type { RequestChange, RequestHistory } from '../../src/submission/events/requestHistory';
import { formatFocDate } from '../../src/submission/notifications/noticeText';

/** '2026-05-01 14:03 UTC': staff compare times with the porting team's systems, which keep UTC. */
function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const CHANNEL_NAMES: Readonly<Record<string, string>> = { webchat: 'Web Chat', msteams: 'Teams', directline: 'Direct Line', emulator: 'the Emulator' };
const channelName = (channelId: string) => CHANNEL_NAMES[channelId] ?? channelId;

const PROGRESS: Readonly<Record<PortProgress, string>> = {
  received: 'Received: on its way to our porting team',
  sent: 'With our porting team',
  failed: "Refused by our porting team's system",
  submitted: 'Submitted to the carrier',
  pending: 'The carrier is working on it',
  foc_confirmed: 'Moving date set',
  completed: 'Completed',
  rejected: 'Rejected by the carrier',
  cancelled: 'Cancelled',
};

const reasonLine = (reason: RejectionReason) =>
  `${reason.words} (code ${reason.code}; ${reason.needsPerson ? 'needs our porting team' : 'the customer can fix it in the chat and sign again'})`;

/** One change, with who or what made it. */
function changeLine(change: RequestChange): string {
  const when = `${utc(change.at)} · v${change.version}`;
  switch (change.kind) {
    case 'signed':
      return `${when} · signed by ${literalMarkdown(change.signerName)} (the customer, in ${channelName(change.channel)})`;
    case 'sent':
      return `${when} · sent to our porting team by the bot`;
    case 'failed':
      return `${when} · refused by our porting team's system${change.reason ? `: ${literalMarkdown(change.reason)}` : ''}`;
    case 'reported': {
      const detail =
        change.focDate !== undefined ? `: moves on ${formatFocDate(change.focDate)}` : change.reason !== undefined ? `: ${change.reason.code}` : '';
      return `${when} · ${PROGRESS[change.state].toLowerCase()}${detail} (reported by our porting team's system)`;
    }
  }
}

/** '6 digits', '4 to 10 letters or digits'. */
function pinLength(rule: PinRule): string {
  const length = rule.minLength === rule.maxLength ? `${rule.minLength}` : `${rule.minLength} to ${rule.maxLength}`;
  return `${length} ${rule.digitsOnly ? 'digits' : 'letters or digits'}`;
}

const unconfirmed = (confirmed: boolean) => (confirmed ? '' : ' (not confirmed by the carrier: the bot asks the customer once if theirs differs, and takes it)');

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Spanish' };

export const staffText = {
  greeting: (firstName: string | undefined) =>
    `Hi${firstName ? ` ${literalMarkdown(firstName)}` : ''}, this is the support staff menu. I can look up any port request by its ` +
    'reference number or a phone number (no ZIP needed), and answer carrier questions.',
  menu: {
    prompt: 'What do you need?',
    buttons: { lookup: 'Look up a port', howTo: 'Carrier how-to' },
    help:
      'Type **status** and a reference number or a phone number (`status PA-7KX4-M9Q2-TDX`, `status (312) 555-0147`), or ask ' +
      'about a carrier (`verizon pin`, `how do I port from AT&T`, `what is a CSR`).',
  },
  notUnderstood: "I didn't catch that.",

  lookup: {
    ask: 'Which port? Type its reference number (PA-…) or a phone number, in any format.',
    unreadable: (query: string) =>
      `${literalMarkdown(query)} isn't a reference number (PA- and three groups, like PA-7KX4-M9Q2-TDX) or a phone number I can read.`,
    noReference: (referenceNumber: string) =>
      `No request has the reference ${referenceNumber}. Requests are kept for a limited time after their last change, and ` +
      'customers can delete theirs.',
    noNumber: (number: string) =>
      `No request names ${number}, as a number to move or as the billing number. Requests are kept for a limited time, and ` +
      'customers can delete theirs.',
    /** `unsigned`: how many more are assisted ports not signed yet, listed after these (assistedText.listed). */
    several: (number: string, requests: readonly RequestHistory[], unsigned = 0) =>
      [
        `${requests.length + unsigned} requests name ${number}. Pick one:`,
        ...requests.map(
          ({ status, letter }) =>
            `- **${status.referenceNumber}** · ${status.carrier} · ${PROGRESS[status.progress]} · signed ${utc(letter.signedAt).slice(0, 10)}`,
        ),
      ].join('\n'),
    request: ({ status, letter, contactEmail, language, parentReference, changes }: RequestHistory, letterLink: string | undefined) =>
      [
        `**${status.referenceNumber}** · version ${status.version} · **${PROGRESS[status.progress]}** · from ${status.carrier}`,
        ...(parentReference === undefined
          ? []
          : [`Part of port ${parentReference}: the customer's numbers were on several accounts, each with a request of its own.`]),
        ...(status.focDate === undefined ? [] : [`Moving date: ${formatFocDate(status.focDate)}`]),
        ...(status.reason === undefined ? [] : [`Why it was rejected: ${reasonLine(status.reason)}`]),
        `**What happened** (oldest first):\n${changes.map((change) => `- ${changeLine(change)}`).join('\n')}`,
        [
          `**The letter** (version ${letter.version}, secrets masked):`,
          `- Account holder: ${literalMarkdown(letter.accountHolder)}`,
          ...(letter.authorizedPerson === undefined ? [] : [`- Authorized person: ${literalMarkdown(letter.authorizedPerson)}`]),
          `- Service address: ${literalMarkdown(letter.serviceAddress)}`,
          `- Numbers: ${letter.numbers.join(', ')}`,
          `- Billing number: ${letter.billingNumber}`,
          `- Current carrier: ${letter.currentCarrier}`,
          `- Account number: ${letter.accountNumber}`,
          `- Transfer PIN: ${letter.pinProvided ? 'given (never shown)' : 'not on file (removed once the request is sent, or none was needed)'}`,
          ...(contactEmail === undefined ? [] : [`- Contact email: ${literalMarkdown(contactEmail)}`]),
          `- Language: ${LANGUAGE_NAMES[language]} (the customer read and signed the letter in it; speak it with them)`,
        ].join('\n'),
        ...(letterLink === undefined ? [] : [`[The signed letter (masked)](${letterLink})`]),
      ].join('\n\n'),
  },

  howTo: {
    askCarrier: 'Which carrier is the customer moving from? Type its name, such as Verizon, T-Mobile or Rogers.',
    notACarrier: "That doesn't look like a carrier's name.",
    /** A near match ("sprint" is T-Mobile now): the directory's question, then the answer for the carrier it suggests. */
    tookAs: (question: string, carrier: string) => `${question} Here is ${carrier}:`,
    unknownCarrier: (name: string) => `${literalMarkdown(name)} isn't in our carrier directory: here is the general guidance.`,
    port: (ref: CarrierRef, rules: Carrier, guidance: string) =>
      [
        `**Porting from ${ref.name}.** What to tell the customer (the bot tells them the same):`,
        guidance,
        `Transfer PIN: ${rules.pin.name}, ${pinLength(rules.pin)}${rules.pin.required ? '' : ', only if the account has one'}` +
          `${unconfirmed(rules.pin.confirmed)}. Account number: ${rules.accountNumber.description}${unconfirmed(rules.accountNumber.confirmed)}.`,
      ].join('\n\n'),
    pin: (ref: CarrierRef, rules: Carrier, howToGet: string) =>
      [
        `**${ref.name}: ${rules.pin.name}.** ${pinLength(rules.pin)}${unconfirmed(rules.pin.confirmed)}. ` +
          (rules.pin.required ? 'Every port from them needs it.' : 'Needed only if the account has one.'),
        `How the customer gets it: ${howToGet}`,
      ].join('\n\n'),
    accountNumber: (ref: CarrierRef, rules: Carrier) =>
      [
        `**${ref.name}: the account number.** It is ${rules.accountNumber.description}${unconfirmed(rules.accountNumber.confirmed)}.`,
        `Where the customer finds it: ${rules.instructions.accountNumber}`,
      ].join('\n\n'),
    csr: (ref: CarrierRef, rules: Carrier) => `**${ref.name}: the CSR.** ${rules.instructions.csr}`,
    glossary: {
      csr:
        "**CSR (Customer Service Record):** what the current carrier has on file for the customer's account: the account " +
        "number, the account holder's name and the service address, exactly as the carrier has them. Every value on the " +
        'letter must match it, or the carrier rejects the port.',
      loa:
        "**LOA (Letter of Authorization):** the short letter the customer signs to let us move their numbers. The bot fills " +
        'it in from their answers; the customer reviews it and signs it in the chat. Staff never sign for a customer.',
      pin:
        '**Transfer PIN (port-out PIN):** a code the current carrier gives the account holder to move a number out. Most ' +
        'wireless carriers require one, and many expire within days. Ask **<carrier> pin** for one carrier.',
      foc:
        '**FOC (Firm Order Commitment):** the date the carriers agree the numbers move. The customer keeps their current ' +
        'service until then.',
      lock:
        "**Port-out lock** (Verizon Number Lock, T-Mobile Port Out Protection, …): while it is on, the carrier rejects every " +
        'port. The customer turns it off in their carrier account first. Ask **how do I port from <carrier>** for one carrier.',
      accountNumber:
        "**Account number:** the customer's account number with their current carrier, from their bill or online account. " +
        'The bot shows it masked (••••4321). Ask **<carrier> account number** for one carrier.',
      billingNumber:
        "**BTN (billing telephone number):** the account's main number, as the carrier has it. It is often one of the " +
        'numbers being moved.',
    } satisfies Record<HowToTopic, string>,
  },

  /**
   * The words staff type, recognized before anything else is read: a look-up ("status PA-…", "look up 312 555 0147";
   * the capture is what to look up), the menu, and carrier how-to.
   */
  commands: {
    lookup: /^(?:status|look\s*-?\s*up|find|search)\b(?:\s+(?:a|the|for|of)\b)?(?:\s+(?:port|request)s?\b)?(?:\s+(?:for|of|by)\b)?[\s:]*(.*)$/is,
    menu: /^(?:hi|hello|hey|help|menu|staff menu|start|what can you do|\?+)[.!?]*$/i,
    howTo: /^(?:carrier how-?to|how-?to)\b[\s:]*(.*)$/is,
    /** A question about how to do something is a how-to even about a carrier the directory lacks. */
    asksHow: /\bhow\b/i,
  },
  /** What a how-to question is about, in the order they are tried. */
  topics: {
    pin: /\b(?:pin|passcode|pass code|transfer code|port[- ]?out code|nip)\b/i,
    accountNumber: /\baccount(?: number| no| #)?\b/i,
    csr: /\b(?:csr|customer service record)\b/i,
    lock: /\b(?:lock|locked|number lock|port[- ]?out protection|freeze)\b/i,
    loa: /\b(?:loa|letter of (?:authori[sz]ation|agency))\b/i,
    foc: /\b(?:foc|firm order commitment)\b/i,
    billingNumber: /\b(?:btn|billing (?:telephone |phone )?number)\b/i,
  } satisfies Record<HowToTopic, RegExp>,
  /** Words of a question that never name a carrier: what is left of "how do I get a PIN from Verizon?" is "Verizon". */
  questionWords: new Set(
    (
      'how do does did can could i we you they the a an to from with for of on at in get gets getting find where what whats ' +
      "what's is are was it its it's their his her my our customer customers carrier carriers provider port porting ports " +
      'out port-out portout transfer transferring move moving number numbers please about tell me need needs pin pins passcode pass code ' +
      'transfer account no # csr service record lock locked protection freeze loa letter authorization authorisation agency ' +
      'foc firm order commitment btn billing telephone phone and or explain mean means which'
    ).split(' '),
  ),
} as const;

/** What a how-to question can be about besides a whole port. */
export type HowToTopic = 'pin' | 'accountNumber' | 'csr' | 'lock' | 'loa' | 'foc' | 'billingNumber';
