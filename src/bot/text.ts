/** What the bot itself (outside any dialog) says to the customer, in one place for review and translation. */
export const text = {
  turnError:
    'Sorry, something went wrong on my side. Your answers so far are saved — please send your last message again, or type **agent** to reach a person.',
} as const;
