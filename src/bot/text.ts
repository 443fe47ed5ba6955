/** Everything the bot itself says to the customer, in one place for review and translation. */

export interface MenuOption {
  /** The button label, which is also what the customer sends by pressing it. */
  readonly title: string;
  readonly description: string;
}

export const text = {
  greeting: "Hi, I'm the Porting Assistant. I'll help you bring your phone number over to us, one step at a time.",
  menuIntro: 'Here is what I can do for you:',
  menuOutro: 'Choose an option below.',
  menuOptions: [
    { title: 'Start a port', description: 'move your number to us, step by step' },
    { title: 'Porting tips', description: 'what to have ready so your port goes through first time' },
    { title: 'Check status', description: 'see where your port request is' },
    { title: 'Talk to an agent', description: 'reach a person on our porting team' },
  ] satisfies readonly MenuOption[],
  turnError:
    'Sorry, something went wrong on my side. Your answers so far are saved — please send your last message again, or type **agent** to reach a person.',
} as const;
