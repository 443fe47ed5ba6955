/**
 * How email leaves the bot, from SMTP_URL, SMTP_USER, SMTP_PASSWORD, MAIL_FROM and MAIL_DIR (declared in
 * src/config/settings.ts). Pure: no I/O, so configuration validation can use it.
 *
 * - With SMTP_URL, messages go to that SMTP server.
 * - Without it, a local run (no MicrosoftAppId) writes each message as an .eml file to MAIL_DIR, so that it shows
 *   exactly what would be sent; a deployment sends none (email is off, and the bot promises none).
 */
import { z } from 'zod';

/** An address as it appears in From: 'Porting Assistant <porting@example.com>', or the address alone. */
export const MailboxSchema = z.object({ name: z.string().optional(), address: z.string() });
export type Mailbox = z.infer<typeof MailboxSchema>;

/** Who local messages come from when MAIL_FROM is not set: they go nowhere, so no real domain is needed. */
const LOCAL_SENDER: Mailbox = { name: 'Porting Assistant', address: 'porting-assistant@localhost' };

const NAMED_ADDRESS = /^(.*?)\s*<([^<>]*)>$/;
// A display name goes into a header: no line breaks (header injection), no brackets or quotes to confuse parsers.
const SAFE_NAME = /^[^\r\n<>"]*$/;

/** MAIL_FROM: a display name is optional, quotes around it are dropped. */
export const mailFromSchema = z.string().transform((raw, ctx): Mailbox => {
  const named = NAMED_ADDRESS.exec(raw.trim());
  const name = named?.[1]?.replace(/^"(.*)"$/, '$1').trim();
  const address = (named?.[2] ?? raw).trim();
  if (!z.email().safeParse(address).success || (name !== undefined && !SAFE_NAME.test(name))) {
    ctx.addIssue({ code: 'custom', message: 'is not an email address' });
    return z.NEVER;
  }
  return name ? { name, address } : { address };
});

export const SmtpServerSchema = z.object({
  host: z.string(),
  port: z.int(),
  /** smtps://: TLS from the first byte. smtp:// upgrades with STARTTLS when the server offers it. */
  secure: z.boolean(),
  user: z.string().optional(),
  password: z.string().optional(),
});
export type SmtpServer = z.infer<typeof SmtpServerSchema>;

// The ports the schemes are registered for: submission with STARTTLS, and implicit TLS (RFC 8314).
const DEFAULT_PORTS = { smtp: 587, smtps: 465 } as const;

/** SMTP_URL: smtp:// or smtps://, a host, an optional port, optional user:password@, nothing else. */
export const smtpUrlSchema = z
  .url({ protocol: /^smtps?$/ })
  .transform((raw, ctx): SmtpServer => {
    const url = new URL(raw);
    if (url.hostname === '' || (url.pathname !== '' && url.pathname !== '/') || url.search !== '' || url.hash !== '') {
      ctx.addIssue({ code: 'custom', message: 'has more than a host and port' });
      return z.NEVER;
    }
    const scheme = url.protocol === 'smtps:' ? 'smtps' : 'smtp';
    return {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port === '' ? DEFAULT_PORTS[scheme] : Number(url.port),
      secure: scheme === 'smtps',
      ...(url.username !== '' && { user: decodeURIComponent(url.username) }),
      ...(url.password !== '' && { password: decodeURIComponent(url.password) }),
    };
  });

/** The raw settings, as src/config/settings.ts declares them. */
export interface MailVariables {
  readonly smtpUrl?: SmtpServer;
  readonly smtpUser?: string;
  readonly smtpPassword?: string;
  readonly from?: Mailbox;
  readonly dir: string;
}

export type MailTransportSettings =
  | { readonly kind: 'smtp'; readonly server: SmtpServer; readonly from: Mailbox }
  | { readonly kind: 'folder'; readonly dir: string; readonly from: Mailbox }
  | { readonly kind: 'off' };

export interface MailProblem {
  readonly key: keyof MailVariables;
  readonly message: string;
}

/** What is wrong with the combination of mail variables; each message follows the variable's name. */
export function mailProblems(mail: MailVariables): MailProblem[] {
  const problems: MailProblem[] = [];
  if (mail.smtpUrl === undefined) {
    if (mail.smtpUser !== undefined) problems.push({ key: 'smtpUser', message: 'is set but SMTP_URL is not: set SMTP_URL too, or leave both empty.' });
    if (mail.smtpPassword !== undefined) problems.push({ key: 'smtpPassword', message: 'is set but SMTP_URL is not: set SMTP_URL too, or leave both empty.' });
    return problems;
  }
  if (mail.smtpUrl.user !== undefined && mail.smtpUser !== undefined) {
    problems.push({ key: 'smtpUser', message: 'is set and SMTP_URL names a user too: give the user and password in one place.' });
  }
  if (mail.smtpUrl.password !== undefined && mail.smtpPassword !== undefined) {
    problems.push({ key: 'smtpPassword', message: 'is set and SMTP_URL holds a password too: give the password in one place.' });
  }
  const server = smtpServerOf(mail.smtpUrl, mail);
  if (server.password !== undefined && server.user === undefined) {
    problems.push({ key: 'smtpUser', message: 'is required with a password (in SMTP_PASSWORD or SMTP_URL): the SMTP server needs both.' });
  }
  if (mail.from === undefined) {
    problems.push({ key: 'from', message: 'is required when SMTP_URL is set: the address customers see the emails come from, such as Porting Assistant <porting@example.com>.' });
  }
  return problems;
}

function smtpServerOf(url: SmtpServer, mail: MailVariables): SmtpServer {
  const user = url.user ?? mail.smtpUser;
  const password = url.password ?? mail.smtpPassword;
  return { ...url, ...(user !== undefined && { user }), ...(password !== undefined && { password }) };
}

/** Where messages go, for settings that passed mailProblems. `deployed`: the bot has a MicrosoftAppId. */
export function resolveMailTransport(mail: MailVariables, deployed: boolean): MailTransportSettings {
  if (mail.smtpUrl !== undefined) return { kind: 'smtp', server: smtpServerOf(mail.smtpUrl, mail), from: mail.from ?? LOCAL_SENDER };
  if (deployed) return { kind: 'off' };
  return { kind: 'folder', dir: mail.dir, from: mail.from ?? LOCAL_SENDER };
}
