/** What the turn lock says to the customer, in one place for review and translation. */
export const text = {
  busy: "Sorry, I'm still working on your previous message, so I didn't catch this one. Please send it again in a moment.",
} as const;
