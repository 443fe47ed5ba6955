import type { Locator, Page } from 'playwright-core';

/**
 * A bot message as the page shows it, by its first words: Web Chat renders the markdown (no asterisks) and
 * typesets apostrophes as curly quotes.
 */
export function shown(markdown: string): RegExp {
  const start = markdown.replace(/\*\*/g, '').slice(0, 40);
  return new RegExp(start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]"));
}

/**
 * The chat on the page as a customer uses it: read what the bot said, press its buttons, type answers. Everything
 * waits for Web Chat to show the result, as a person would.
 */
export class WebChatPage {
  constructor(readonly page: Page) {}

  private get transcript(): Locator {
    return this.page.locator('#webchat .webchat__basic-transcript__transcript');
  }

  /** The bot's message bubbles (and cards) that contain `text`. */
  botMessages(text: string | RegExp): Locator {
    return this.transcript.locator('.webchat__bubble:not(.webchat__bubble--from-user)').filter({ hasText: text });
  }

  customerMessages(text: string | RegExp): Locator {
    return this.transcript.locator('.webchat__bubble--from-user').filter({ hasText: text });
  }

  /** Waits until the bot has said `text`. */
  async botSaid(text: string | RegExp): Promise<void> {
    await this.botMessages(text).last().waitFor();
  }

  /** Presses a suggested action (the buttons above the send box). */
  async choose(label: string): Promise<void> {
    await this.page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: label, exact: true }).click();
    await this.customerMessages(label).last().waitFor();
  }

  /** Presses a button on the newest card that has one with this label. */
  async press(label: string): Promise<void> {
    await this.transcript.getByRole('button', { name: label, exact: true }).last().click();
  }

  /** Types into the send box and presses Enter, as a customer does. */
  async type(text: string): Promise<void> {
    const box = this.page.getByRole('textbox', { name: 'Message input box' });
    await box.fill(text);
    await box.press('Enter');
    await this.customerMessages(text).last().waitFor();
  }
}
