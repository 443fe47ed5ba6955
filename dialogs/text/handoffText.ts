/** What the customer hears about a person joining the chat: finding one, waiting, talking, and coming back to the bot. */
import type { SupportContact } from '../conversationDeps';
import { contactWays } from './interruptionText';
import { localized } from '../../src/i18n/language';
import { handoffTextEs } from './es/handoffText';

const minutes = (count: number) => (count === 1 ? 'a minute' : `${count} minutes`);

export const handoffTextEn = {
  finding: (expectedWaitMinutes: number, position: number) =>
    `I'm finding a person from our porting team for you. It usually takes about ${minutes(expectedWaitMinutes)}` +
    (position > 1 ? ` (you're number ${position} in line).` : '.') +
    " I've shared what you've told me so far, so you won't need to repeat it — never your PIN. " +
    'Say **back to the bot** if you would rather carry on with me.',
  alreadyWaiting: (position: number) =>
    `You're already in line for a person${position > 0 ? ` (number ${position})` : ''}. They'll join this chat as soon as they're free.`,
  alreadyWithAgent: (agentName: string) => `You're already chatting with ${agentName} from our porting team.`,
  /** No one to hand over to: the hub is not set up, or no agent is on duty. */
  unavailable: (contact: SupportContact) =>
    (contactWays(contact)
      ? `No one from our porting team can join this chat right now. To talk to a person, ${contactWays(contact)}.`
      : 'No one from our porting team can join this chat right now: please contact our customer support.') +
    ' Your details are saved here, so you can carry on with me whenever you like.',
  stillWaiting: (position: number) =>
    `Thanks — I've passed that on, and the person who joins will see it.${position > 0 ? ` You're number ${position} in line.` : ''}`,
  takenOver: (agentName: string) => `${agentName} from our porting team has joined the chat. Everything you type now goes to ${agentName}.`,
  /** An agent's message, as the customer sees it: who wrote it, and that it is a person. */
  fromAgent: (agentName: string, message: string) => `**${agentName} (porting team):** ${message}`,
  handedBack: (agentName: string) => `${agentName} has handed you back to me. Let's carry on where you left off.`,
  corrected: (agentName: string, label: string, shown: string) => `${agentName} updated your ${label}: ${shown}.`,
  backToBot: "OK, you're back with me. Let's carry on where you left off.",
  /** The customer has waited longer than agents usually take. */
  waitedLong:
    "I'm sorry: everyone on our porting team is still busy. You can keep waiting, carry on with me, or leave your " +
    'email and a person will write to you.',
  keepWaiting: "OK, you're still in line. A person will join as soon as they can.",
  askCallbackEmail: 'What email address should our porting team write to?',
  callbackSaved: (email: string) =>
    `Thanks: a person from our porting team will email you at ${email}, usually within one business day. Meanwhile, let's carry on where you left off.`,
  /** A contact-center platform could not find anyone. */
  platformFailed: (contact: SupportContact) =>
    'No one from our porting team could join just now.' +
    (contactWays(contact) ? ` You can ${contactWays(contact)}.` : '') +
    " Let's carry on where you left off.",
  agentUnreachable: (agentName: string) => `I couldn't pass that on to ${agentName} just now: please try again in a moment.`,
  /** Buttons pressed during a chat with a person are not answers to the bot. */
  buttonsPaused: (agentName: string) => `You're chatting with ${agentName} now: just type your message.`,
  /** The hand-off event's context, for a contact-center platform's agents. */
  reasons: {
    asked: 'The customer asked for a person.',
    stuck: 'The customer is stuck on a question.',
    serviceCancelled: 'The customer has already cancelled their current service.',
    rejectionNeedsPerson: 'The carrier rejected the port request for a reason that needs a person.',
  },
} as const;

export const handoffText = localized({ en: handoffTextEn, es: handoffTextEs });
