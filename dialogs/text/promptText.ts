/** What the shared prompts say when an answer doesn't fit the question on screen. */
export const promptText = {
  staleButton: "That button is from an earlier question — here's the one we're on now.",
  notUnderstood: "Sorry, I didn't catch that. Please choose one of the options below, or type it in your own words.",
} as const;
