/** What the bot says about a copy of the bill the customer attaches. */
import { BILL_LIMITS, type BillRefusal } from '../../src/domain/billDocument';
import { localized } from '../../src/i18n/language';
import { billTextEs } from './es/billText';

const MAX_MB = BILL_LIMITS.maxBytes / (1024 * 1024);

export const billTextEn = {
  kept: "Thanks — I've kept a copy of your bill. It goes to the porting team with your request.",
  replaced: "Thanks — I've kept this copy of your bill instead of the one you sent before. It goes to the porting team with your request.",
  readIntro: 'I read these details from your bill. Please check them; you can change any of them before you sign:',
  refused: {
    tooBig: `That file is larger than ${MAX_MB} MB. Please send a smaller photo or PDF of your bill.`,
    wrongType: 'I can take your bill as a PDF or a photo (JPEG, PNG or HEIC). Please send it as one of those.',
    encrypted:
      "That PDF is password-protected, so the porting team couldn't open it. Please send a copy without a password, " +
      'or a photo of the bill.',
    tooManyPages: `That PDF has more than ${BILL_LIMITS.maxPdfPages} pages. Please send just your latest bill.`,
    unreadable: "I couldn't open that PDF. Please try another copy, or send a photo of the bill.",
    unreachable: "I couldn't get that file. Please try attaching it again.",
  } satisfies Record<BillRefusal, string>,
  notTaken: "I can't take files in this chat. Please type your details instead.",
} as const;

export const billText = localized({ en: billTextEn, es: billTextEs });
