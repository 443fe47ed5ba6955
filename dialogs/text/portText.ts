/** What the bot says between the stages of a port: collecting, reviewing, signing. */
import { localized } from '../../src/i18n/language';
import { portTextEs } from './es/portText';
export const portTextEn = {
  carryOnQuestion:
    'Do you want to carry on with the request anyway? If your old carrier restores your line, the transfer can still go through.',
  carryOnHelp:
    'Choose **Yes** to fill in your request now; it can go through once your old line is active again. Choose ' +
    '**No** to stop for now: anything you give me stays saved.',
  stoppedForService:
    'OK. Once your old carrier has restored your line, come back and choose **Start my port**: I will pick up from here.',
  afterSigned:
    'One last tip: once your number has moved, test it. Make and receive a call, and send and receive a text, to ' +
    'be sure everything works.',
} as const;

export const portText = localized({ en: portTextEn, es: portTextEs });
