import { renderAdaptiveCard } from '../../src/chat/cardText';
import { ActionList } from '../../src/chat/chatActions';

const reviewCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '**Check your details**', weight: 'Bolder' },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Your port to ' }, 'us', { type: 'TextRun', text: ' is almost ready.' }] },
    { type: 'Image', url: 'https://example.com/logo.png', altText: 'Carrier logo' },
    { type: 'Image', url: 'https://example.com/spacer.png' },
    {
      type: 'FactSet',
      facts: [
        { title: 'Number', value: '(212) 555-0143' },
        { title: 'Account', value: '••••6789' },
      ],
    },
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', items: [{ type: 'TextBlock', text: 'Carrier' }] },
        { type: 'Column', items: [{ type: 'TextBlock', text: 'Verizon' }] },
      ],
    },
    {
      type: 'Container',
      items: [
        { type: 'TextBlock', text: 'Shown' },
        { type: 'TextBlock', text: 'Hidden until toggled', isVisible: false },
      ],
    },
    { type: 'Input.Text', id: 'holder', label: 'Account holder', value: 'Ana Díaz', isRequired: true },
    { type: 'Input.Text', id: 'pin', label: 'Transfer PIN', style: 'Password', value: '918273' },
    { type: 'Input.Number', id: 'lines', label: 'Lines to move', min: 1, max: 10 },
    { type: 'Input.Date', id: 'when', label: 'Port date', value: '2030-01-15' },
    { type: 'Input.Toggle', id: 'keep', title: 'Keep my voicemail', value: 'true' },
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: 'Line type',
      value: 'mobile',
      choices: [
        { title: 'Mobile', value: 'mobile' },
        { title: 'Landline', value: 'landline' },
      ],
    },
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.OpenUrl', title: 'Where do I find my PIN?', url: 'https://example.com/pin' }],
    },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Looks right', data: { action: 'confirm' } },
    { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', associatedInputs: 'none' },
    {
      type: 'Action.ShowCard',
      title: 'Something is wrong',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'problem', label: 'What is wrong?' }],
        actions: [{ type: 'Action.Submit', title: 'Send', data: { action: 'fix' } }],
      },
    },
    { type: 'Action.ToggleVisibility', title: 'More', targetElements: ['x'] },
  ],
};

describe('renderAdaptiveCard', () => {
  it('renders text, facts, columns, images and inputs readably, and numbers the actions', () => {
    const actions = new ActionList();

    const lines = renderAdaptiveCard(reviewCard, actions);

    expect(lines).toEqual([
      '**Check your details**',
      'Your port to us is almost ready.',
      '[image: Carrier logo]',
      '[image]',
      'Number: (212) 555-0143',
      'Account: ••••6789',
      'Carrier  Verizon',
      'Shown',
      '✎ Account holder (required): Ana Díaz',
      '✎ Transfer PIN: ••••',
      '✎ Lines to move: (empty)  [min 1, max 10]',
      '✎ Port date: 2030-01-15',
      '✎ Keep my voicemail: yes',
      '✎ Line type:',
      '    (•) Mobile',
      '    ( ) Landline',
      '[1] Where do I find my PIN?',
      '[2] Looks right',
      '[3] Refresh',
      '[4] Something is wrong',
    ]);
    expect(actions.count).toBe(4);
  });

  it('gives a submit action every input of the card, and an action with associatedInputs none no inputs', () => {
    const actions = new ActionList();
    renderAdaptiveCard(reviewCard, actions);

    expect(actions.get(1)).toEqual({ kind: 'openUrl', title: 'Where do I find my PIN?', url: 'https://example.com/pin' });
    expect(actions.get(2)).toMatchObject({ kind: 'submit', data: { action: 'confirm' } });
    const submit = actions.get(2);
    expect(submit?.kind === 'submit' && submit.inputs.map((input) => input.id)).toEqual(['holder', 'pin', 'lines', 'when', 'keep', 'kind']);
    expect(actions.get(3)).toMatchObject({ kind: 'execute', verb: 'refresh', inputs: [] });
  });

  it('renders a shown card whose submit collects its own inputs and those of the card around it', () => {
    const actions = new ActionList();
    renderAdaptiveCard(reviewCard, actions);
    const showCard = actions.get(4);
    if (showCard?.kind !== 'showCard') throw new Error('expected action 4 to show a card');

    const lines = renderAdaptiveCard(showCard.card, actions, showCard.inputs);

    expect(lines).toEqual(['✎ What is wrong?: (empty)', '[5] Send']);
    const send = actions.get(5);
    expect(send?.kind === 'submit' && send.inputs.map((input) => input.id)).toEqual(['holder', 'pin', 'lines', 'when', 'keep', 'kind', 'problem']);
  });

  it('stacks columns that hold more than one line, and renders tables row by row', () => {
    const lines = renderAdaptiveCard(
      {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'ColumnSet',
            columns: [
              { type: 'Column', items: [{ type: 'TextBlock', text: 'a' }, { type: 'TextBlock', text: 'b' }] },
              { type: 'Column', items: [{ type: 'TextBlock', text: 'c' }] },
            ],
          },
          {
            type: 'Table',
            rows: [
              { type: 'TableRow', cells: [{ type: 'TableCell', items: [{ type: 'TextBlock', text: 'Status' }] }, { type: 'TableCell', items: [{ type: 'TextBlock', text: 'Submitted' }] }] },
            ],
          },
        ],
      },
      new ActionList(),
    );

    expect(lines).toEqual(['a', 'b', 'c', 'Status  Submitted']);
  });

  it('marks elements it cannot render, and falls back for an empty or malformed card', () => {
    expect(renderAdaptiveCard({ type: 'AdaptiveCard', body: [{ type: 'Carousel' }] }, new ActionList())).toEqual(['[Carousel]']);
    expect(renderAdaptiveCard({ type: 'AdaptiveCard', body: [], fallbackText: 'Open this in Teams' }, new ActionList())).toEqual([
      'Open this in Teams',
    ]);
    expect(renderAdaptiveCard('not a card', new ActionList())).toEqual(['[card]']);
  });
});
