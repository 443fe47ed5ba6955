/** The welcome, the main menu and the offer to continue a port begun earlier. */
import type { ButtonName } from './buttonLabels';
import { inSentence } from './inSentence';
import { localized } from '../../src/i18n/language';
import { mainTextEs } from './es/mainText';

export type MenuButton = Extract<ButtonName, 'startPort' | 'tips' | 'status' | 'agent'>;

export const mainTextEn = {
  greeting: (newCarrier: string) =>
    `Hi, I'm the Porting Assistant. I'll help you bring your phone number over to us at ${newCarrier}, one step at a time.`,
  menu: {
    intro: 'Here is what I can do for you:',
    descriptions: {
      startPort: 'move your number to us, step by step',
      tips: 'what to have ready so your port goes through the first time',
      status: 'see where your port request is',
      agent: 'reach a person on our porting team',
    } satisfies Record<MenuButton, string>,
    outro: 'Choose an option below, or tell me in your own words.',
    again: 'Is there anything else I can help you with?',
    help:
      'Choose **Start my port** to move your number to us, **Porting tips** for what to have ready, **Check my port ' +
      'status** to see where your request is, or **Talk to an agent** to reach a person.',
  },
  resume: {
    offer: (done: number, total: number, next: string) =>
      `Welcome back! You have a port request in progress: ${done} of ${total} details done. Next: ${inSentence(next)}.`,
    readyToSign: 'Welcome back! Your port request has all its details: next, you check them and sign.',
    question: 'Would you like to continue where you stopped, or start over?',
    help:
      'Choose **Continue where I stopped** to pick up with the next detail; everything you gave me is saved. Choose ' +
      '**Start over** to clear it and begin again.',
  },
  sessionNotRestored:
    "I'm sorry: I couldn't restore the details you gave me earlier, so we'll need to go through them again. " +
    'A request you already sent is not affected.',
  newAfterSigned: (referenceNumber: string) =>
    `Your signed request (reference ${referenceNumber}) is with our porting team. Let's start your new request.`,
} as const;

export const mainText = localized({ en: mainTextEn, es: mainTextEs });
