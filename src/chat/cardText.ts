import { ActionList, type CardInput, type ChatAction } from './chatActions';

/**
 * A readable plain-text rendering of an Adaptive Card for the terminal chat: text, facts, columns, images (by
 * their alt text), inputs with their labels and current values, and the card's actions as numbered choices.
 * Cards come from the bot as untyped JSON, so every property is read defensively.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isShown(element: Json): boolean {
  return element.isVisible !== false;
}

/** The elements a layout element holds, for the elements that hold others. */
function children(element: Json): Json[] {
  switch (element.type) {
    case 'Container':
    case 'Column':
    case 'TableCell':
      return objects(element.items);
    case 'ColumnSet':
      return objects(element.columns);
    case 'Table':
      return objects(element.rows).flatMap((row) => objects(row.cells));
    default:
      return [];
  }
}

const INPUT_TYPES = new Set<CardInput['type']>(['Input.Text', 'Input.Number', 'Input.Date', 'Input.Time', 'Input.Toggle', 'Input.ChoiceSet']);

function isInput(element: Json): element is Json & { type: CardInput['type']; id: string } {
  return INPUT_TYPES.has(element.type as CardInput['type']) && typeof element.id === 'string';
}

function toInput(element: Json & { type: CardInput['type']; id: string }): CardInput {
  const choices = objects(element.choices).map((choice) => ({ title: str(choice.title) ?? '', value: str(choice.value) ?? '' }));
  const valueOn = str(element.valueOn) ?? 'true';
  const valueOff = str(element.valueOff) ?? 'false';
  const hint = [str(element.placeholder), str(element.min) && `min ${str(element.min)}`, str(element.max) && `max ${str(element.max)}`]
    .filter(Boolean)
    .join(', ');
  return {
    id: element.id,
    type: element.type,
    label: str(element.label) ?? str(element.title) ?? str(element.placeholder) ?? element.id,
    value: str(element.value) ?? (element.type === 'Input.Toggle' ? valueOff : ''),
    isRequired: element.isRequired === true,
    isSecret: element.type === 'Input.Text' && str(element.style)?.toLowerCase() === 'password',
    choices,
    isMultiSelect: element.isMultiSelect === true,
    valueOn,
    valueOff,
    hint,
  };
}

/** The inputs of a card's body, not counting those in cards shown by its Action.ShowCard actions. */
function inputsOf(elements: Json[]): CardInput[] {
  return elements.filter(isShown).flatMap((element) => (isInput(element) ? [toInput(element)] : inputsOf(children(element))));
}

const DEFAULT_ACTION_TITLES: Record<string, string> = {
  'Action.Submit': 'Submit',
  'Action.Execute': 'Submit',
  'Action.OpenUrl': 'Open link',
  'Action.ShowCard': 'Show more',
};

function toChatAction(action: Json, inputs: readonly CardInput[]): ChatAction | undefined {
  const title = str(action.title) ?? DEFAULT_ACTION_TITLES[str(action.type) ?? ''] ?? '';
  switch (action.type) {
    case 'Action.Submit':
      return { kind: 'submit', title, data: action.data, inputs: action.associatedInputs === 'none' ? [] : inputs };
    case 'Action.Execute':
      return { kind: 'execute', title, verb: str(action.verb), data: action.data, inputs: action.associatedInputs === 'none' ? [] : inputs };
    case 'Action.OpenUrl':
      return typeof action.url === 'string' ? { kind: 'openUrl', title, url: action.url } : undefined;
    case 'Action.ShowCard':
      return isObject(action.card) ? { kind: 'showCard', title, card: action.card, inputs } : undefined;
    default:
      // Action.ToggleVisibility and anything newer: nothing a terminal can do with it.
      return undefined;
  }
}

function renderActions(actions: Json[], inputs: readonly CardInput[], list: ActionList): string[] {
  return actions.flatMap((action) => {
    const chatAction = toChatAction(action, inputs);
    return chatAction ? [list.add(chatAction)] : [];
  });
}

/** How an input looks on the card: its label, whether it is required, and its current value. */
export function describeInput(input: CardInput): string {
  const label = `✎ ${input.label}${input.isRequired ? ' (required)' : ''}`;
  switch (input.type) {
    case 'Input.Toggle':
      return `${label}: ${input.value === input.valueOn ? 'yes' : 'no'}`;
    case 'Input.ChoiceSet': {
      const selected = input.value.split(',').filter(Boolean);
      const choices = input.choices.map((choice) => `    ${selected.includes(choice.value) ? '(•)' : '( )'} ${choice.title}`);
      return [`${label}${input.isMultiSelect ? ' (choose any)' : ''}:`, ...choices].join('\n');
    }
    default: {
      const shown = input.value === '' ? '(empty)' : input.isSecret ? '••••' : input.value;
      return `${label}: ${shown}${input.hint ? `  [${input.hint}]` : ''}`;
    }
  }
}

function inlineText(inline: unknown): string {
  return typeof inline === 'string' ? inline : isObject(inline) ? (str(inline.text) ?? '') : '';
}

/** Lays columns or cells side by side when each is one line, one after another otherwise. */
function sideBySide(parts: string[][]): string[] {
  const filled = parts.filter((lines) => lines.length > 0);
  return filled.every((lines) => lines.length === 1) && filled.length > 0 ? [filled.map((lines) => lines[0]).join('  ')] : filled.flat();
}

function renderElements(elements: Json[], inputs: readonly CardInput[], list: ActionList): string[] {
  return elements.filter(isShown).flatMap((element) => renderElement(element, inputs, list));
}

function renderElement(element: Json, inputs: readonly CardInput[], list: ActionList): string[] {
  switch (element.type) {
    case 'TextBlock':
      return str(element.text) ? [str(element.text) as string] : [];
    case 'RichTextBlock': {
      const line = (Array.isArray(element.inlines) ? element.inlines : []).map(inlineText).join('');
      return line ? [line] : [];
    }
    case 'FactSet':
      return objects(element.facts).map((fact) => `${str(fact.title) ?? ''}: ${str(fact.value) ?? ''}`);
    case 'Image':
      return [str(element.altText) ? `[image: ${str(element.altText)}]` : '[image]'];
    case 'ImageSet':
      return renderElements(objects(element.images), inputs, list);
    case 'Media':
      return [str(element.altText) ? `[media: ${str(element.altText)}]` : '[media]'];
    case 'ActionSet':
      return renderActions(objects(element.actions), inputs, list);
    case 'ColumnSet':
      return sideBySide(objects(element.columns).filter(isShown).map((column) => renderElements(objects(column.items), inputs, list)));
    case 'Table':
      return objects(element.rows).flatMap((row) =>
        sideBySide(objects(row.cells).map((cell) => renderElements(objects(cell.items), inputs, list))),
      );
    case 'Container':
    case 'Column':
      return renderElements(children(element), inputs, list);
    default:
      return isInput(element) ? describeInput(toInput(element)).split('\n') : [`[${str(element.type) ?? 'unknown element'}]`];
  }
}

/**
 * Renders `card` as lines of text, adding its actions to `list`. `outerInputs` are the inputs of the card that
 * showed this one (through Action.ShowCard): its submit actions collect them too, as a browser would.
 */
export function renderAdaptiveCard(card: unknown, list: ActionList, outerInputs: readonly CardInput[] = []): string[] {
  if (!isObject(card)) return ['[card]'];
  const body = objects(card.body);
  const inputs = [...outerInputs, ...inputsOf(body)];
  const lines = [...renderElements(body, inputs, list), ...renderActions(objects(card.actions), inputs, list)];
  return lines.length > 0 ? lines : [str(card.fallbackText) ?? '[empty card]'];
}
