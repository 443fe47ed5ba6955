import fc from 'fast-check';
import { MASKED_PIN } from '../../src/domain/masking';
import { redactBotWords, redactSecrets } from '../../src/domain/redaction';

const PIN = '918273';
const ACCOUNT_NUMBER = '555444333222';
const MASKED_ACCOUNT = '••••3222';
const known = { pin: PIN, accountNumber: ACCOUNT_NUMBER };
const RUNS = { numRuns: 300 };

describe('redactSecrets', () => {
  describe('the known PIN and account number', () => {
    it('hides the PIN wherever it appears, in text that does not mention it', () => {
      expect(redactSecrets(`${PIN}, yes, I typed ${PIN} twice`, known)).toBe(`${MASKED_PIN}, yes, I typed ${MASKED_PIN} twice`);
    });

    it('shows the account number as its last four characters only', () => {
      expect(redactSecrets(`it is ${ACCOUNT_NUMBER} on the bill`, known)).toBe(`it is ${MASKED_ACCOUNT} on the bill`);
    });

    it.each(['555 444 333 222', '555-444-333-222', '555.444.333.222', '5-5-5-4-4-4-3-3-3-2-2-2'])(
      'finds the account number written as %j',
      (written) => {
        expect(redactSecrets(`it is ${written} on the bill`, known)).toBe(`it is ${MASKED_ACCOUNT} on the bill`);
      },
    );

    it.each(['91 82 73', '918-273', '9.1.8.2.7.3'])('finds the PIN written as %j', (written) => {
      expect(redactSecrets(`try ${written} then`, known)).toBe(`try ${MASKED_PIN} then`);
    });

    it('finds them however the customer spaced them when they gave them', () => {
      const spacedWhenGiven = { pin: '918 273', accountNumber: '5554-4433-3222' };
      expect(redactSecrets(`${ACCOUNT_NUMBER} and ${PIN}`, spacedWhenGiven)).toBe(`${MASKED_ACCOUNT} and ${MASKED_PIN}`);
    });

    it('finds a lettered account number in either case', () => {
      expect(redactSecrets('it is ab1234567x', { accountNumber: 'AB1234567X' })).toBe('it is ••••567X');
    });

    it('keeps the last four of the account number when the text talks about the account', () => {
      expect(redactSecrets(`my account number is ${ACCOUNT_NUMBER}`, known)).toBe(`my account number is ${MASKED_ACCOUNT}`);
    });

    it.each([
      ['an empty PIN (the customer has none)', { pin: '' }, 'press 1 then 12 then #'],
      ['a two-digit PIN', { pin: '12' }, 'press 1 then 12 then #'],
      ['a two-character account number', { accountNumber: '1-2' }, 'line 1-2 is mine'],
    ])('does not look for a secret shorter than three characters: %s', (_, secrets, text) => {
      expect(redactSecrets(text, secrets)).toBe(text);
    });
  });

  describe('text that talks about a PIN, passcode or account', () => {
    it.each([
      ['my pin is 4471', 'my pin is ••••'],
      ['My PIN: 4471 (or 447188?)', 'My PIN: •••• (or ••••?)'],
      ['the passcode is 2024-11', 'the passcode is ••••'],
      ['acct 12 3456 789', 'acct ••••'],
      ['account no. 8812.3301.44', 'account no. ••••'],
      ['the port-out code they sent is 661 204', 'the port-out code they sent is ••••'],
      ['security code 5521', 'security code ••••'],
      ['the transfer code is 0001, pin 9', 'the transfer code is ••••, pin 9'],
    ])('hides every run of four or more digits: %j', (text, redacted) => {
      expect(redactSecrets(text, {})).toBe(redacted);
    });

    it('keeps runs of fewer than four digits', () => {
      expect(redactSecrets('my account has 2 lines and a 123 pin', {})).toBe('my account has 2 lines and a 123 pin');
    });

    it('masks a number the bot does not know yet next to the known ones', () => {
      expect(redactSecrets(`pin ${PIN}, or maybe 5150, account ${ACCOUNT_NUMBER}`, known)).toBe(
        `pin ${MASKED_PIN}, or maybe ${MASKED_PIN}, account ${MASKED_ACCOUNT}`,
      );
    });
  });

  describe('text about anything else', () => {
    it.each([
      'please call me back at 415-555-0123 after 5pm',
      'move (415) 555-0123 and 4155550124 to you',
      'I moved in 2019 to 1200 Market St, 94105',
    ])('keeps the numbers in %j', (text) => {
      expect(redactSecrets(text, known)).toBe(text);
    });

    it('is left as it is when no secret is known', () => {
      const text = 'call 415 555 0123, my order is 77120';
      expect(redactSecrets(text, {})).toBe(text);
    });
  });

  describe('secrets typed in other forms of digits and separators', () => {
    // The PIN validator takes full-width digits; zero-width characters and non-breaking hyphens show nothing unusual.
    it.each([
      ['a full-width PIN', '９１８２７３', MASKED_PIN],
      ['a PIN with zero-width spaces', '9\u200B1\u200B8\u200B2\u200B7\u200B3', MASKED_PIN],
      ['a PIN with word joiners, a soft hyphen and a control character', '9\u20601\u00AD82\u00007\u20603', MASKED_PIN],
      ['an account number with non-breaking hyphens', '555\u2011444\u2011333\u2011222', MASKED_ACCOUNT],
      ['an account number with underscores', '555_444_333_222', MASKED_ACCOUNT],
      ['an account number with en dashes and no-break spaces', '555\u2013444\u00A0333\u2013222', MASKED_ACCOUNT],
      ['a full-width account number with full-width hyphens', '５５５－４４４－３３３－２２２', MASKED_ACCOUNT],
      ['a PIN split by several spaces', '918  273', MASKED_PIN],
      ['an account number split by spaced hyphens', '555 - 444 - 333 - 222', MASKED_ACCOUNT],
    ])('masks %s', (_, typed, masked) => {
      expect(redactSecrets(`it is ${typed} there`, known)).toBe(`it is ${masked} there`);
    });

    it.each([
      ['full-width digits', 'my pin is ４４７１', 'my pin is ••••'],
      ['zero-width spaces', 'acct 1\u200B2\u200B3\u200B4\u200B5', 'acct ••••'],
      ['underscores', 'account 8812_3301_44', 'account ••••'],
      ['digits of another script', 'my passcode is ٤٤٧١ or ४४७१', 'my passcode is •••• or ••••'],
      ['a full-width topic word', 'ＰＩＮ 4471', 'PIN ••••'],
    ])('hides unknown digit runs written with %s where secrets are discussed', (_, typed, redacted) => {
      expect(redactSecrets(typed, {})).toBe(redacted);
    });

    it('redacts what the bot quotes of the customer in those forms too, and leaves the bot\u2019s own words as written', () => {
      const said = 'I don’t have “９１８２７３ or 555_444_333_222” as a carrier — which company is it?';
      expect(redactBotWords(said, known)).toBe(`I don’t have “${MASKED_PIN} or ${MASKED_ACCOUNT}” as a carrier — which company is it?`);
    });
  });

  describe('property: the full secret never survives', () => {
    /** The secret broken up as a customer might type it: at most one space, dot or hyphen between two characters. */
    const typedForms = (secret: string) =>
      fc
        .array(fc.constantFrom('', '', ' ', '-', '.'), { minLength: secret.length - 1, maxLength: secret.length - 1 })
        .map((separators) => Array.from(secret, (character, index) => character + (separators[index] ?? '')).join(''));
    const filler = fc.string({ unit: 'grapheme-composite', maxLength: 30 });
    const containsIgnoringCase = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());

    it.each([
      ['PIN', 'pin', fc.stringMatching(/^\d{3,10}$/)],
      ['account number', 'accountNumber', fc.stringMatching(/^[0-9A-Za-z]{3,17}$/)],
    ] as const)('%s embedded anywhere in random text', (_, field, secrets) => {
      fc.assert(
        fc.property(
          secrets.chain((secret) => fc.tuple(fc.constant(secret), typedForms(secret))),
          filler,
          filler,
          fc.boolean(),
          ([secret, typed], before, after, twice) => {
            // Text that holds the secret glued to other letters or digits is another word, not the secret.
            fc.pre(![before, after].some((text) => containsIgnoringCase(text, secret) || containsIgnoringCase(text, typed)));
            const text = [before, typed, twice ? `${after} ${typed}` : after].join(' ');
            const redacted = redactSecrets(text, { [field]: secret });
            return !containsIgnoringCase(redacted, secret) && !containsIgnoringCase(redacted, typed);
          },
        ),
        RUNS,
      );
    });

    it.each([
      ['PIN', 'pin', fc.stringMatching(/^\d{3,10}$/)],
      ['account number', 'accountNumber', fc.stringMatching(/^[0-9A-Za-z]{3,17}$/)],
    ] as const)('%s typed in full-width characters, with any dash, underscore or invisible character between', (_, field, secrets) => {
      const fullWidth = (character: string) => String.fromCodePoint(character.codePointAt(0)! + 0xfee0);
      const oddForms = (secret: string) =>
        fc
          .tuple(
            fc.array(fc.boolean(), { minLength: secret.length, maxLength: secret.length }),
            fc.array(fc.constantFrom('', '_', '\u2011', '\u2013', '\u00A0', '\u200B', '\u2060', '\u00AD', '\uFF0D'), {
              minLength: secret.length - 1,
              maxLength: secret.length - 1,
            }),
          )
          .map(([wide, separators]) =>
            Array.from(secret, (character, index) => (wide[index] ? fullWidth(character) : character) + (separators[index] ?? '')).join(''),
          );
      fc.assert(
        fc.property(secrets.chain((secret) => fc.tuple(fc.constant(secret), oddForms(secret))), ([secret, typed]) => {
          const redacted = redactSecrets(`it is ${typed}, I think`, { [field]: secret });
          return !redacted.toLowerCase().includes(secret.toLowerCase());
        }),
        RUNS,
      );
    });
  });
});

describe('redactBotWords (the bot’s own words)', () => {
  it('hides the known secrets but keeps the carrier’s codes and numbers the bot gives', () => {
    const said = 'What is your Number Transfer PIN? Dial *PORT (*7678) from your AT&T phone.';
    expect(redactBotWords(said, known)).toBe(said);
    expect(redactBotWords(`Your PIN ${PIN} and account ${ACCOUNT_NUMBER}`, known)).toBe(`Your PIN ${MASKED_PIN} and account ${MASKED_ACCOUNT}`);
  });

  it('redacts what it quotes of the customer as the customer’s own words are', () => {
    // A mistyped account number the customer sent where the carrier was asked, echoed back in the refusal.
    expect(redactBotWords('I don’t have “acct 55544433322” as a carrier. Which company is it?', known)).toBe(
      `I don’t have “acct ${MASKED_PIN}” as a carrier. Which company is it?`,
    );
  });
});
