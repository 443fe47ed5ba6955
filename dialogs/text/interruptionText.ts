/** What the bot says when the customer steps outside the current question: help, status, agent, cancel, start over. */
import type { ForgottenData } from '../../src/privacy/forgetCustomer';
import type { SupportContact } from '../conversationDeps';
import { inSentence } from './inSentence';
import { localized } from '../../src/i18n/language';
import { interruptionTextEs } from './es/interruptionText';

export type ConfirmedInterruption = 'cancel' | 'cancelAndDelete' | 'startOver';

const signedDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** 'call 1-800-555-0100 or email porting@example.com'; empty when no contact is configured. */
export function contactWays(contact: SupportContact): string {
  const { call, email, or } = interruptionText.contact;
  const ways = [contact.phone && call(contact.phone), contact.email && email(contact.email)].filter(Boolean);
  return ways.join(` ${or} `);
}

export const interruptionTextEn = {
  /** How to reach our support (see contactWays). */
  contact: {
    call: (phone: string) => `call ${phone}`,
    email: (email: string) => `email ${email}`,
    or: 'or',
  },
  /** After "español" / "English": said in the language chosen. */
  language: {
    switched: "Sure, let's continue in English.",
    already: "We're already speaking English.",
  },
  generalHelp:
    "I'm here to help you move your phone number to us. I ask for the details your current carrier has on file, " +
    'check each one as you go, and prepare the authorization for you to sign.',
  anytime: 'At any time you can say **status**, **agent**, **cancel**, **start over** or **español**.',
  confirm: {
    cancel: "Do you want to stop here? I'll keep what you've told me so far, so you can finish later.",
    cancelAndDelete:
      'Do you want me to delete everything you have given me? Your details go, and so does any signed request not yet ' +
      'sent to our porting team: it will not be sent.',
    startOver: 'Do you want to start over? This clears the details you have given me so far.',
  } satisfies Record<ConfirmedInterruption, string>,
  confirmHelp: {
    cancel: 'Choose Yes to stop for now: your details stay saved and you can continue later. Choose No to carry on where you were.',
    cancelAndDelete:
      'Choose Yes to delete your details for good and stop any request not yet sent. Choose No to carry on where you were.',
    startOver: 'Choose Yes to clear your details and begin again. Choose No to carry on where you were.',
  } satisfies Record<ConfirmedInterruption, string>,
  done: {
    cancel: "OK, I've stopped. Your details are saved: come back any time and pick up where you left off.",
    startOver: "OK, let's start again from the beginning.",
  } satisfies Record<Exclude<ConfirmedInterruption, 'cancelAndDelete'>, string>,
  /** After "delete my data": what became of each request the customer had submitted. */
  deleted: (forgotten: ForgottenData, contact: SupportContact) =>
    [
      "OK, I've deleted everything you gave me.",
      ...forgotten.withdrawn.map((reference) => `Your request **${reference}** was not sent, and now never will be.`),
      ...forgotten.sent.map(
        (reference) =>
          `Your request **${reference}** is already with our porting team, so deleting it here does not stop it: to stop it, ` +
          `${contactWays(contact) || 'contact our customer support'}.`,
      ),
    ].join('\n\n'),
  /** A cancel when nothing had been given yet. */
  stopped: "OK, I've stopped.",
  carryOn: "OK, let's carry on.",
  agent: (contact: SupportContact) =>
    (contactWays(contact)
      ? `To talk to a person on our porting team, ${contactWays(contact)}.`
      : 'A person on our porting team can help: please contact our customer support.') +
    ' Your details are saved here, so you can come back and carry on whenever you like.',
  status: {
    none: "You haven't started a port request yet. Choose **Start my port** whenever you're ready.",
    draft: (done: number, total: number, next: string) =>
      `Your port request is a draft: ${done} of ${total} details done. Next: ${inSentence(next)}.`,
    readyToSign: 'All your details are in. Next: check them and sign the authorization (the LOA).',
    signed: (referenceNumber: string, signedAt: string, email: string | undefined) =>
      `You signed your port request on ${signedDate.format(new Date(signedAt))}; your reference is ` +
      `**${referenceNumber}**. Our porting team is working on it` +
      (email ? ` and will email updates to ${email}.` : '.'),
  },
} as const;

export const interruptionText = localized({ en: interruptionTextEn, es: interruptionTextEs });
