/** A field label used inside a sentence: "Transfer PIN" → "transfer PIN", "Account number" → "account number". */
export const inSentence = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);
