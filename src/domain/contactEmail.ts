/**
 * The email address we send port updates to. Only a typo in a popular domain is second-guessed, and only with a
 * warning: plenty of real domains are one letter away from another.
 */
import { z } from 'zod';
import { accept, refuse, type FieldNotice, type FieldResult } from './fieldResult';
import { closestMatch, quoted } from './text';
import { type Catalogue, localized } from '../i18n/language';

const MAX_LENGTH = 254;
const emailSchema = z.email();

/** Mailbox domains our (US and Canadian) customers use most, for spotting "gmial.com" and "hotmail.con". */
const POPULAR_DOMAINS = [
  'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'aol.com', 'live.com', 'msn.com', 'me.com',
  'mac.com', 'comcast.net', 'att.net', 'verizon.net', 'sbcglobal.net', 'bellsouth.net', 'charter.net', 'cox.net',
  'earthlink.net', 'ymail.com', 'proton.me', 'protonmail.com', 'gmx.com', 'mail.com', 'yahoo.ca', 'hotmail.ca',
  'live.ca', 'outlook.ca', 'rogers.com', 'shaw.ca', 'sympatico.ca', 'bell.net', 'videotron.ca', 'telus.net',
] as const;
const popularDomainEntries = POPULAR_DOMAINS.map((domain) => [domain, domain] as const);

const messagesEn = {
  empty: 'Please enter an email address where we can send updates about your transfer, like name@example.com.',
  tooLong: "That's too long for an email address. Please check it and enter it again.",
  spaces: "Email addresses can't contain spaces. Please check it and enter it again, like name@example.com.",
  missingAt: 'An email address needs one @ between the name and the domain, like name@example.com.',
  missingName: 'The part before the @ is missing. Please enter the full address, like name@example.com.',
  incompleteDomain: 'The part after the @ looks incomplete: it should be a domain such as gmail.com.',
  invalid: "That doesn't look like a complete email address. Please check it, like name@example.com.",
  didYouMean: (suggestion: string) => `Did you mean ${quoted(suggestion)}? If not, carry on.`,
} as const;

const messagesEs: Catalogue<typeof messagesEn> = {
  empty: 'Escriba un correo electrónico donde le podamos enviar las novedades de su transferencia, como nombre@ejemplo.com.',
  tooLong: 'Es muy largo para ser un correo electrónico. Revíselo y escríbalo de nuevo.',
  spaces: 'Un correo electrónico no puede tener espacios. Revíselo y escríbalo de nuevo, como nombre@ejemplo.com.',
  missingAt: 'Un correo electrónico necesita una @ entre el nombre y el dominio, como nombre@ejemplo.com.',
  missingName: 'Falta la parte antes de la @. Escriba la dirección completa, como nombre@ejemplo.com.',
  incompleteDomain: 'La parte después de la @ parece incompleta: debe ser un dominio como gmail.com.',
  invalid: 'Eso no parece un correo electrónico completo. Revíselo; debe ser como nombre@ejemplo.com.',
  didYouMean: (suggestion: string) => `¿Quiso decir ${quoted(suggestion)}? Si no, siga adelante.`,
};

const messages = localized({ en: messagesEn, es: messagesEs });

/** A closer domain is only a suggestion when the typed one is close enough to be a slip of the finger. */
const domainTypoAllowance = (length: number): number => (length <= 8 ? 1 : 2);

function domainTypoWarning(local: string, domain: string): FieldNotice[] {
  if ((POPULAR_DOMAINS as readonly string[]).includes(domain)) return [];
  const closest = closestMatch(domain, popularDomainEntries, domainTypoAllowance);
  return closest ? [{ code: 'contact_email.domain_typo', message: messages.didYouMean(`${local}@${closest.item}`) }] : [];
}

/** Trimmed, "mailto:" and angle brackets removed, domain lower-cased; the part before the @ is kept as typed. */
export function validateContactEmail(raw: string): FieldResult<string> {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/s, '$1')
    .trim();
  if (text === '') return refuse('contact_email.empty', messages.empty);
  if (text.length > MAX_LENGTH) return refuse('contact_email.too_long', messages.tooLong);
  if (/\s/.test(text)) return refuse('contact_email.spaces', messages.spaces);
  const parts = text.split('@');
  if (parts.length !== 2) return refuse('contact_email.missing_at', messages.missingAt);
  const [local, domainAsTyped] = parts;
  if (local === '') return refuse('contact_email.missing_name', messages.missingName);
  const domain = domainAsTyped.toLowerCase();
  if (!/^[^.]+(\.[^.]+)+$/.test(domain)) return refuse('contact_email.incomplete_domain', messages.incompleteDomain);
  const email = `${local}@${domain}`;
  if (!emailSchema.safeParse(email).success) return refuse('contact_email.invalid', messages.invalid);
  return accept(email, domainTypoWarning(local, domain));
}
