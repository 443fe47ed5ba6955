import type { AdaptiveCardJson } from '../../src/cards/cardTemplate';
import { csrFormCard } from '../../src/cards/csrFormCard';
import { reviewCard } from '../../src/cards/reviewCard';
import { loaCard } from '../../src/cards/signCards';
import { checkForm } from '../../dialogs/csrFormCheck';
import { csrFormCardData } from '../../dialogs/csrFormView';
import { reviewCardData } from '../../dialogs/reviewView';
import { loaCardData } from '../../dialogs/signView';
import { type CsrDraft, authorizationStatement } from '../../src/domain';
import { completeAttDraft, draftFrom, expectNoSecrets } from '../support/drafts';
import { NEW_CARRIER } from '../support/newCarrier';
import { LANGUAGES, type Language, inLanguage } from '../../src/i18n/language';
import { englishFragments } from '../support/catalogues';

type Json = Record<string, unknown>;

const CARD_ID = 'card-under-test';

/** Every object in the card, depth first: elements, inputs, actions, facts and choices alike. */
function allObjects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(allObjects);
  if (value === null || typeof value !== 'object') return [];
  const object = value as Json;
  return [object, ...Object.values(object).flatMap(allObjects)];
}

const inputsOf = (card: AdaptiveCardJson) => allObjects(card).filter((o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
const submitsOf = (card: AdaptiveCardJson) => allObjects(card).filter((o) => o.type === 'Action.Submit');
const inputById = (card: AdaptiveCardJson, id: string) => inputsOf(card).find((input) => input.id === id);
const texts = (card: AdaptiveCardJson) => allObjects(card).filter((o) => o.type === 'TextBlock').map((o) => o.text);

const business = (): CsrDraft => ({ ...completeAttDraft(), ...draftFrom({ holderName: 'Acme Plumbing LLC' }), authorizedPerson: 'Maria Lopez' });

const formWithErrors = () => {
  const check = checkForm(
    { numbers: '415-555-0123', carrier: 'Foo Telecom', holderName: 'M', contactEmail: 'maria@', street: '123 Main St' },
    {},
  );
  return csrFormCard.expand(csrFormCardData(check.draft, check.round, CARD_ID));
};

const cards: [string, () => AdaptiveCardJson][] = [
  ['the empty form', () => csrFormCard.expand(csrFormCardData({}, undefined, CARD_ID))],
  ['the form pre-filled from a complete draft', () => csrFormCard.expand(csrFormCardData(completeAttDraft(), undefined, CARD_ID))],
  ['the form with refused fields', formWithErrors],
  ['the review of a complete draft', () => reviewCard.expand(reviewCardData(completeAttDraft(), CARD_ID))],
  ['the review of an incomplete draft', () => reviewCard.expand(reviewCardData(draftFrom({ numbers: '415-555-0123' }), CARD_ID))],
  ['the letter for a person', () => loaCard.expand(loaCardData(completeAttDraft(), NEW_CARRIER, CARD_ID))],
  ['the letter for a business', () => loaCard.expand(loaCardData(business(), NEW_CARRIER, CARD_ID))],
];

/** Every card in every language: each is filled in from the text catalogues of the turn's language. */
const inEveryLanguage: [string, Language, () => AdaptiveCardJson][] = LANGUAGES.flatMap((language) =>
  cards.map(([name, render]): [string, Language, () => AdaptiveCardJson] => [`${name} (${language})`, language, () => inLanguage(language, render)]),
);

describe.each(inEveryLanguage)('%s', (_name, language, render) => {
  const card = render();

  if (language !== 'en') {
    it('is in that language: none of its words are the English catalogue’s', () => {
      const english = englishFragments(12);
      const shown = texts(card).concat(submitsOf(card).map((submit) => submit.title), inputsOf(card).map((input) => input.label));
      const stillEnglish = shown.filter((line) => typeof line === 'string' && english.some((fragment) => line.includes(fragment)));
      expect(stillEnglish).toEqual([]);
    });
  }

  it('is an Adaptive Card of schema 1.5 with every template expression filled in', () => {
    expect(card).toEqual(expect.objectContaining({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.5',
    }));
    expect(typeof card.fallbackText).toBe('string');
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it('labels every input, for screen readers', () => {
    for (const input of inputsOf(card)) {
      expect(input).toEqual(expect.objectContaining({ id: expect.any(String), label: expect.stringMatching(/\S/) }));
    }
  });

  it('has submit actions that carry their action and the card id', () => {
    expect(submitsOf(card).length).toBeGreaterThan(0);
    for (const submit of submitsOf(card)) {
      expect(submit.title).toEqual(expect.stringMatching(/\S/));
      expect(submit.data).toEqual({ action: expect.stringMatching(/\S/), cardId: CARD_ID });
    }
  });

  it('never shows the PIN or the full account number', () => {
    expectNoSecrets(card);
  });
});

describe('the form card', () => {
  it('asks for every CSR field with the address in parts, the PIN as a password', () => {
    const card = csrFormCard.expand(csrFormCardData({}, undefined, CARD_ID));

    expect(inputsOf(card).map((input) => input.id)).toEqual([
      'numbers', 'carrier', 'accountNumber', 'pin', 'holderName', 'authorizedPerson',
      'street', 'unit', 'city', 'region', 'postalCode', 'billingNumber', 'contactEmail',
    ]);
    expect(inputById(card, 'pin')).toEqual(expect.objectContaining({ style: 'password', isRequired: false }));
    expect(inputById(card, 'accountNumber')).toEqual(expect.objectContaining({ isRequired: true, errorMessage: expect.any(String) }));
    expect(inputById(card, 'contactEmail')).toEqual(expect.objectContaining({ style: 'email', isRequired: true }));
    expect(texts(card)).not.toContainEqual(expect.stringMatching(/need(s)? another look/));
  });

  it('pre-fills saved values, but leaves saved secrets blank to keep', () => {
    const card = csrFormCard.expand(csrFormCardData(completeAttDraft(), undefined, CARD_ID));

    expect(inputById(card, 'numbers')?.value).toBe('(415) 555-0123, (415) 555-0124');
    expect(inputById(card, 'city')?.value).toBe('Springfield');
    for (const secret of ['accountNumber', 'pin']) {
      expect(inputById(card, secret)).toEqual(
        expect.objectContaining({ value: '', isRequired: false, placeholder: expect.stringMatching(/leave blank to keep/i) }),
      );
    }
    // Two numbers: the billing number is asked, and its placeholder says what it is.
    expect(inputById(card, 'billingNumber')).toEqual(expect.objectContaining({ value: '(415) 555-0123', placeholder: "The account's main number, as shown on your bill" }));
  });

  it('offers one mobile number as its own billing number: the input may stay blank', () => {
    const card = csrFormCard.expand(csrFormCardData(draftFrom({ numbers: '415-555-0123', carrier: 'AT&T' }), undefined, CARD_ID));

    expect(inputById(card, 'billingNumber')).toEqual(expect.objectContaining({ value: '', isRequired: false, placeholder: 'Leave blank to use (415) 555-0123' }));
  });

  it('shows each refusal under its input, keeps what was typed, and offers to confirm an unknown carrier', () => {
    const card = formWithErrors();

    expect(texts(card)).toEqual(expect.arrayContaining([
      expect.stringMatching(/need another look/),
      expect.stringMatching(/after the @/),
      expect.stringMatching(/don't have “Foo Telecom” in my list/),
    ]));
    expect(inputById(card, 'contactEmail')?.value).toBe('maria@');
    expect(inputById(card, 'carrier')?.value).toBe('Foo Telecom');
    expect(inputById(card, 'confirmedUnknownCarrier')).toEqual(
      expect.objectContaining({ type: 'Input.Toggle', valueOn: 'true', title: expect.stringMatching(/checked the carrier/) }),
    );
    expect(inputById(card, 'street')?.value).toBe('123 Main St');
  });

  it('says "ZIP or postal code" as written, in its label and when it is left empty', () => {
    const card = csrFormCard.expand(csrFormCardData({}, undefined, CARD_ID));

    expect(inputById(card, 'postalCode')).toEqual(
      expect.objectContaining({ label: 'ZIP or postal code', errorMessage: 'Please fill in the ZIP or postal code.' }),
    );
    expect(JSON.stringify(card)).not.toContain('zIP');
  });

  it('offers the carrier check only when the carrier is unknown', () => {
    expect(inputById(csrFormCard.expand(csrFormCardData({}, undefined, CARD_ID)), 'confirmedUnknownCarrier')).toBeUndefined();
  });
});

describe('the review card', () => {
  it('shows every detail with the secrets masked, and lets the customer pick one to change', () => {
    const card = reviewCard.expand(reviewCardData(completeAttDraft(), CARD_ID));
    const facts = allObjects(card).filter((o) => 'title' in o && 'value' in o && o.type === undefined);

    expect(facts).toEqual(expect.arrayContaining([
      { title: 'Account number', value: '••••3222' },
      { title: 'Transfer PIN', value: '••••' },
      { title: 'Service address', value: '123 Main St, Apt 4, Springfield, IL 62704' },
    ]));
    expect(inputById(card, 'field')).toEqual(expect.objectContaining({ type: 'Input.ChoiceSet' }));
    expect(texts(card)).not.toContain('Before you can sign, please fix:');
  });

  it('does not mark the detail to change as required: continuing to signing needs no choice there', () => {
    const input = inputById(reviewCard.expand(reviewCardData(completeAttDraft(), CARD_ID)), 'field');

    expect(input?.isRequired).not.toBe(true);
    expect(input).not.toHaveProperty('errorMessage');
  });

  it('offers the authorized person of a business account as a detail to change', () => {
    const choices = reviewCardData(business(), CARD_ID).choices.map((choice) => choice.value);

    expect(choices).toEqual(expect.arrayContaining(['holderName', 'authorizedPerson', 'pin']));
  });

  it('lists what blocks signing', () => {
    const card = reviewCard.expand(reviewCardData(draftFrom({ numbers: '415-555-0123' }), CARD_ID));

    expect(texts(card)).toEqual(expect.arrayContaining(['Before you can sign, please fix:', '- We still need the current carrier.']));
  });
});

describe('the letter of authorization card', () => {
  it('shows the authorization statement and the masked details, without the contact email', () => {
    const card = loaCard.expand(loaCardData(completeAttDraft(), NEW_CARRIER, CARD_ID));

    expect(texts(card)).toContain(authorizationStatement(NEW_CARRIER.name));
    expect(JSON.stringify(card)).toContain('••••3222');
    expect(JSON.stringify(card)).not.toContain('maria@example.com');
    expect(inputById(card, 'signature')).toEqual(expect.objectContaining({ isRequired: true, label: 'To sign, type your full name' }));
  });

  it('names the new carrier in the statement and among the details, after the current carrier', () => {
    const card = loaCard.expand(loaCardData(completeAttDraft(), NEW_CARRIER, CARD_ID));
    const facts = allObjects(card).filter((o) => 'title' in o && 'value' in o && o.type === undefined);
    const titles = facts.map((fact) => fact.title);

    expect(texts(card).some((text) => typeof text === 'string' && text.startsWith(`I authorize ${NEW_CARRIER.name}, my new phone carrier`))).toBe(true);
    expect(facts).toContainEqual({ title: 'New carrier', value: NEW_CARRIER.name });
    expect(titles.indexOf('New carrier')).toBe(titles.indexOf('Current carrier') + 1);
  });

  it('asks the person signing for a business to sign for it', () => {
    expect(inputById(loaCard.expand(loaCardData(business(), NEW_CARRIER, CARD_ID)), 'signature')?.label).toBe(
      'To sign for Acme Plumbing LLC, type your full name',
    );
  });
});
