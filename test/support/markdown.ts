import { createRequire } from 'node:module';

interface MarkdownIt {
  render(markdown: string): string;
}

/** markdown-it, the renderer botframework-webchat uses (it ships no types of its own). */
const markdownIt = createRequire(__filename)('markdown-it') as (options: Record<string, boolean>) => MarkdownIt;
/** Web Chat's own settings (renderMarkdown in botframework-webchat): the agents' console renders bot messages so. */
const webChat = markdownIt({ breaks: false, html: true, linkify: true, typographer: true, xhtmlOut: true });

/** What an agent sees of a piece of markdown in the console: its HTML, and what that HTML shows. */
export interface Rendered {
  readonly html: string;
  /** The words on screen, whitespace collapsed. */
  readonly text: string;
  /** The text of every bold run. */
  readonly bold: string[];
  readonly links: { href: string; text: string }[];
  /** Tags beyond paragraphs, line breaks, bold and links: headings, lists, quotes, images, code, emphasis, HTML. */
  readonly otherTags: string[];
}

const decode = (html: string) =>
  html.replace(/<[^>]*>/gu, '').replace(/&quot;/gu, '"').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');

export function renderAsWebChat(markdown: string): Rendered {
  const html = webChat.render(markdown);
  return {
    html,
    text: decode(html).replace(/\s+/gu, ' ').trim(),
    bold: [...html.matchAll(/<strong>(.*?)<\/strong>/gsu)].map(([, inner]) => decode(inner)),
    links: [...html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/gsu)].map(([, href, inner]) => ({ href: decode(href), text: decode(inner) })),
    otherTags: [...html.matchAll(/<(\w+)/gu)].map(([, tag]) => tag).filter((tag) => !['p', 'br', 'strong', 'a'].includes(tag)),
  };
}
