import type { CardInput } from './chatActions';

/** Fills in a card's inputs by asking for each one, the way a person fills in the form in Web Chat. */

/** Asks one question; resolves undefined when the person has left (end of input). */
export type Ask = (prompt: string) => Promise<string | undefined>;
export type Say = (line: string) => void;

export const CLEAR = '-';

const text = {
  howTo: `Fill in the form: press Enter to keep a value, type ${CLEAR} to clear it.`,
  required: 'This one is required.',
  notANumber: 'Please type a number.',
  notADate: 'Please type a date as YYYY-MM-DD.',
  notATime: 'Please type a time as HH:MM.',
  notAChoice: 'Please type the number of a choice (or several, separated by commas).',
  notYesNo: 'Please type y or n.',
};

type Answer = { ok: true; value: string } | { ok: false; problem: string };

function choiceFor(input: CardInput, answer: string): string | undefined {
  const index = Number(answer);
  if (Number.isInteger(index) && index >= 1 && index <= input.choices.length) return input.choices[index - 1].value;
  const lowered = answer.toLowerCase();
  return input.choices.find((choice) => choice.title.toLowerCase() === lowered || choice.value.toLowerCase() === lowered)?.value;
}

/** Checks a typed answer and turns it into the string the card would submit. */
function interpret(input: CardInput, answer: string): Answer {
  switch (input.type) {
    case 'Input.Number':
      return Number.isFinite(Number(answer)) ? { ok: true, value: answer } : { ok: false, problem: text.notANumber };
    case 'Input.Date':
      return /^\d{4}-\d{2}-\d{2}$/.test(answer) ? { ok: true, value: answer } : { ok: false, problem: text.notADate };
    case 'Input.Time':
      return /^\d{2}:\d{2}$/.test(answer) ? { ok: true, value: answer } : { ok: false, problem: text.notATime };
    case 'Input.Toggle':
      if (/^y(es)?$/i.test(answer)) return { ok: true, value: input.valueOn };
      if (/^no?$/i.test(answer)) return { ok: true, value: input.valueOff };
      return { ok: false, problem: text.notYesNo };
    case 'Input.ChoiceSet': {
      const picked = (input.isMultiSelect ? answer.split(',') : [answer]).map((part) => choiceFor(input, part.trim()));
      return picked.every((value): value is string => value !== undefined)
        ? { ok: true, value: picked.join(',') }
        : { ok: false, problem: text.notAChoice };
    }
    case 'Input.Text':
      return { ok: true, value: answer };
  }
}

function shownValue(input: CardInput): string {
  if (input.type === 'Input.Toggle') return input.value === input.valueOn ? 'y' : 'n';
  if (input.type === 'Input.ChoiceSet') {
    const titles = input.value
      .split(',')
      .filter(Boolean)
      .map((value) => input.choices.find((choice) => choice.value === value)?.title ?? value);
    return titles.join(', ');
  }
  return input.isSecret && input.value !== '' ? '••••' : input.value;
}

function question(input: CardInput): string {
  const options = input.type === 'Input.Toggle' ? ' (y/n)' : '';
  const current = shownValue(input);
  return `${input.label}${input.isRequired ? ' (required)' : ''}${options}${current ? ` [${current}]` : ''}: `;
}

async function askFor(input: CardInput, ask: Ask, say: Say): Promise<string | undefined> {
  if (input.type === 'Input.ChoiceSet') {
    input.choices.forEach((choice, index) => say(`  ${index + 1}. ${choice.title}`));
  }
  for (;;) {
    const typed = await ask(question(input));
    if (typed === undefined) return undefined;
    const answer = typed.trim();
    const value = answer === '' ? { ok: true as const, value: input.value } : answer === CLEAR ? { ok: true as const, value: '' } : interpret(input, answer);
    if (!value.ok) say(value.problem);
    else if (input.isRequired && value.value === '') say(text.required);
    else return value.value;
  }
}

/** The submitted values by input id, or undefined if the person left before finishing. */
export async function collectInputs(inputs: readonly CardInput[], ask: Ask, say: Say): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  if (inputs.length > 0) say(text.howTo);
  for (const input of inputs) {
    const value = await askFor(input, ask, say);
    if (value === undefined) return undefined;
    values[input.id] = value;
  }
  return values;
}
