/** What the review step says to the customer: the summary card's words and the messages around it. */

export const reviewText = {
  card: {
    heading: 'Please check your details',
    intro:
      "This is what goes on your Letter of Authorization. Each detail must match your current carrier's records " +
      'exactly, so a quick look now saves days later.',
    problemsHeading: 'Before you can sign, please fix:',
    changeLabel: 'Something to change?',
    changePlaceholder: 'Choose a detail',
    changeRequired: 'Please choose the detail you want to change.',
    confirm: 'Looks right, continue to signing',
    change: 'Change it',
    fallback: 'Please check your port details, then say "looks good" or which detail to change.',
  },
  typedHint:
    'If everything looks right, say "looks good". To fix something, say which detail, for example "change the address".',
  notReady: 'A few details still need attention before you can sign. They are listed on the card.',
  /** Said before the dependent fields are asked again after a change. */
  dependentsAgain: (changed: string, dependents: readonly string[]) =>
    `Since the ${changed.toLowerCase()} changed, please give the ${dependents.map((label) => label.toLowerCase()).join(' and ')} again.`,
} as const;
