/** The quick porting tips, short and in order, and the carrier's own instructions for getting the CSR and PIN. */
import type { Carrier, CarrierRef } from '../../src/domain';
import { localized } from '../../src/i18n/language';
import { tipsTextEs } from './es/tipsText';

export const tipsTextEn = {
  menuIntro: 'Here are three quick tips that help a port go through the first time.',
  portIntro: 'Before we start, one important thing.',
  keepService: {
    tip:
      "**1. Don't cancel your current service.** Keep your phone service with your current carrier until your " +
      "number works with us. If the line is cancelled, the number can be lost and the transfer can't go through.",
    question: 'Is your current phone service still active?',
    help:
      'Choose **Yes** if your phone still works with your current carrier. Choose **No** if you have already ' +
      'cancelled that service.',
    active: "Great. Keep it active until your number works with us — your old carrier closes the line once it's moved.",
    cancelled:
      "Thanks for telling me. A cancelled line can lose its number, and a transfer can't go through while the line " +
      'is closed. If you call your old carrier quickly, they may be able to restore it; once it is active again, the ' +
      'transfer can go ahead.',
    personOffer: 'Someone from our porting team can help you with this: choose **Talk to an agent** whenever you like.',
  },
  getCsr: {
    tip:
      '**2. Get your Customer Service Record (CSR).** It is what your current carrier has on file for your account: ' +
      "the account number, the account holder's name and the service address, exactly as they have them. Ask your " +
      'carrier for it, or keep your latest bill or online account open.',
    carrier: (ref: CarrierRef, rules: Carrier, pinExpiry: string | undefined) =>
      [
        ref.known ? `**Getting your details from ${ref.name}:**` : `**Getting your details from ${ref.name}** (general guidance):`,
        `- ${rules.instructions.csr}`,
        `- ${rules.instructions.accountNumber}`,
        // The expiry notice ends with the carrier's PIN instructions: it replaces them rather than repeating them.
        `- ${pinExpiry ?? rules.instructions.pin}`,
        ...(rules.portOutLock
          ? [`- If ${rules.portOutLock.name} is on, turn it off ${rules.portOutLock.where} first, or the transfer will be rejected.`]
          : ref.known
            ? []
            : ['- If you turned on a number lock or port-out protection with your current provider, turn it off before the transfer.']),
      ].join('\n'),
  },
  fillLoa: {
    tip:
      '**3. Fill in the Letter of Authorization (LOA).** It is the short document you sign to let us move your ' +
      'number. Every value on it must match your CSR exactly — the same spelling of the name, the same service ' +
      "address, the same account number — because the carriers compare them letter by letter, and a mismatch is " +
      "the most common reason a transfer is rejected. I'll fill it in from your answers; you check it and sign.",
  },
  menuOutro: "That's it. When you're ready, choose **Start my port**.",
} as const;

export const tipsText = localized({ en: tipsTextEn, es: tipsTextEs });
