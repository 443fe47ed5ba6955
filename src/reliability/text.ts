/** What the turn lock says to the customer, in one place for review and translation. */
import { type Catalogue, localized } from '../i18n/language';

const textEn = {
  busy: "Sorry, I'm still working on your previous message, so I didn't catch this one. Please send it again in a moment.",
} as const;

const textEs: Catalogue<typeof textEn> = {
  busy: 'Lo siento, todavía estoy trabajando en su mensaje anterior, así que no recibí este. Envíelo de nuevo en un momento.',
};

export const text = localized({ en: textEn, es: textEs });
