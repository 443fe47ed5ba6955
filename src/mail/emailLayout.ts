/**
 * An email's plain text and simple HTML, made from one list of paragraphs so that the two always say the same. Every
 * value is escaped in the HTML: names and carriers are typed by customers.
 */
import type { MailContent } from './mailStore';

/** A link, with the words that lead to it. */
export interface EmailLink {
  readonly text: string;
  readonly label: string;
  readonly url: string;
}

/** A paragraph of words, or one that ends with a link. */
export type EmailParagraph = string | EmailLink;

export interface EmailDraft {
  readonly subject: string;
  readonly paragraphs: readonly EmailParagraph[];
}

export function renderEmail({ subject, paragraphs }: EmailDraft): MailContent {
  const text = paragraphs.map((paragraph) => (typeof paragraph === 'string' ? paragraph : `${paragraph.text}\n${paragraph.url}`)).join('\n\n');
  const body = paragraphs
    .map((paragraph) =>
      typeof paragraph === 'string'
        ? `<p>${lines(paragraph)}</p>`
        : `<p>${lines(paragraph.text)} <a href="${escapeHtml(paragraph.url)}">${escapeHtml(paragraph.label)}</a></p>`,
    )
    .join('\n');
  const html =
    '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n' +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #222;">\n' +
    `${body}\n</body></html>\n`;
  return { subject, text: `${text}\n`, html };
}

function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}
