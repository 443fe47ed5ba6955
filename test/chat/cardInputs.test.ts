import { collectInputs, type Ask } from '../../src/chat/cardInputs';
import type { CardInput } from '../../src/chat/chatActions';

function input(overrides: Partial<CardInput> & Pick<CardInput, 'id' | 'type'>): CardInput {
  return {
    label: overrides.id,
    value: '',
    isRequired: false,
    isSecret: false,
    choices: [],
    isMultiSelect: false,
    valueOn: 'true',
    valueOff: 'false',
    hint: '',
    ...overrides,
  };
}

/** Answers the questions in order, and records what was asked and said. */
function scripted(answers: string[]): { ask: Ask; say: (line: string) => void; asked: string[]; said: string[] } {
  const asked: string[] = [];
  const said: string[] = [];
  return {
    asked,
    said,
    ask: async (prompt) => {
      asked.push(prompt);
      return answers.shift();
    },
    say: (line) => said.push(line),
  };
}

describe('collectInputs', () => {
  it('keeps a value on Enter, replaces it when typed, and clears it with -', async () => {
    const io = scripted(['', 'Bo Lee', '-']);

    const values = await collectInputs(
      [
        input({ id: 'street', type: 'Input.Text', value: '1 Main St' }),
        input({ id: 'holder', type: 'Input.Text', value: 'Ana' }),
        input({ id: 'unit', type: 'Input.Text', value: '4B' }),
      ],
      io.ask,
      io.say,
    );

    expect(values).toEqual({ street: '1 Main St', holder: 'Bo Lee', unit: '' });
    expect(io.asked).toEqual(['street [1 Main St]: ', 'holder [Ana]: ', 'unit [4B]: ']);
  });

  it('asks again until a required input has a value', async () => {
    const io = scripted(['', 'Ana']);

    const values = await collectInputs([input({ id: 'holder', type: 'Input.Text', label: 'Account holder', isRequired: true })], io.ask, io.say);

    expect(values).toEqual({ holder: 'Ana' });
    expect(io.said).toContain('This one is required.');
  });

  it('checks numbers, dates and times', async () => {
    const io = scripted(['many', '3', 'tomorrow', '2030-01-15', '9am', '09:30']);

    const values = await collectInputs(
      [input({ id: 'lines', type: 'Input.Number' }), input({ id: 'date', type: 'Input.Date' }), input({ id: 'time', type: 'Input.Time' })],
      io.ask,
      io.say,
    );

    expect(values).toEqual({ lines: '3', date: '2030-01-15', time: '09:30' });
    expect(io.said).toEqual(expect.arrayContaining(['Please type a number.', 'Please type a date as YYYY-MM-DD.', 'Please type a time as HH:MM.']));
  });

  it('submits a toggle as its valueOn or valueOff', async () => {
    const io = scripted(['y', 'no']);
    const toggle = { type: 'Input.Toggle' as const, valueOn: 'keep', valueOff: 'drop' };

    const values = await collectInputs([input({ id: 'a', ...toggle }), input({ id: 'b', ...toggle, value: 'keep' })], io.ask, io.say);

    expect(values).toEqual({ a: 'keep', b: 'drop' });
    expect(io.asked[1]).toBe('b (y/n) [y]: ');
  });

  it('takes a choice by number, title or value, several for a multi-select', async () => {
    const choices = [
      { title: 'Mobile', value: 'mobile' },
      { title: 'Landline', value: 'landline' },
      { title: 'Fax', value: 'fax' },
    ];
    const io = scripted(['4', '2', 'mobile, Fax']);

    const values = await collectInputs(
      [input({ id: 'kind', type: 'Input.ChoiceSet', choices }), input({ id: 'kinds', type: 'Input.ChoiceSet', choices, isMultiSelect: true })],
      io.ask,
      io.say,
    );

    expect(values).toEqual({ kind: 'landline', kinds: 'mobile,fax' });
    expect(io.said).toEqual(expect.arrayContaining(['  1. Mobile', '  2. Landline', '  3. Fax']));
  });

  it('never shows the current value of a password input', async () => {
    const io = scripted(['']);

    await collectInputs([input({ id: 'pin', type: 'Input.Text', label: 'PIN', value: '918273', isSecret: true })], io.ask, io.say);

    expect(io.asked).toEqual(['PIN [••••]: ']);
  });

  it('gives up when the input ends', async () => {
    const io = scripted([]);

    expect(await collectInputs([input({ id: 'holder', type: 'Input.Text' })], io.ask, io.say)).toBeUndefined();
  });
});
