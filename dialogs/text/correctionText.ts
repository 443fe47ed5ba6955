/** What the bot says when a carrier rejected a signed request: the offer to fix it, the fixing, and when a person is needed. */
import { joinAsList } from '../../src/domain/text';
import type { SupportContact } from '../conversationDeps';
import { contactWays } from './interruptionText';
import { inSentence } from './inSentence';
import { localized } from '../../src/i18n/language';
import { correctionTextEs } from './es/correctionText';

const fieldList = (labels: readonly string[]) => joinAsList(labels.map(inSentence));

export const correctionTextEn = {
  /** Follows the news of the rejection, with the "Fix my request" button. */
  invite: (labels: readonly string[]) =>
    `Let's fix it together: I'll ask you again for the ${fieldList(labels)} only, then you sign the corrected ` +
    "letter and I'll send it again under the same reference number. Choose **Fix my request** whenever you're ready.",
  intro: (referenceNumber: string, reason: string, labels: readonly string[]) =>
    `Let's fix your port request ${referenceNumber}. ${reason} I'll ask you again for the ${fieldList(labels)}; ` +
    'everything else stays as you gave it.',
  readyToSign: "Thank you. Now please sign the corrected letter, and I'll send it again under the same reference number.",
  notSent:
    "Your corrections are saved, but nothing has been sent yet. Whenever you're ready, say **fix my request** to sign " +
    'and send the corrected letter.',
  /** The status, while a correction waits for the customer. */
  waiting: (referenceNumber: string) =>
    `Your current carrier couldn't accept your port request ${referenceNumber} as it was. Say **fix my request** to ` +
    'correct it and sign again.',
  nothingToFix: "There's nothing to fix right now: none of your requests is waiting for a correction.",
  /** The reason needs our porting team, and people are on hand in this chat. */
  personHere: (referenceNumber: string) =>
    'A person on our porting team needs to sort this out with you. Choose **Talk to an agent** to reach one here: ' +
    `they will have your request ${referenceNumber} in front of them.`,
  /** The reason needs our porting team, or the request can't be corrected in this chat. */
  personNeeded: (contact: SupportContact, referenceNumber: string) => {
    const ways = contactWays(contact);
    return (
      'A person on our porting team needs to sort this out with you: ' +
      (ways ? `please ${ways}` : 'please contact our customer support') +
      ` and give them your reference number, ${referenceNumber}.`
    );
  },
} as const;

export const correctionText = localized({ en: correctionTextEn, es: correctionTextEs });
