import fc from 'fast-check';
import {
  DEFAULT_NUMBERS_POLICY,
  formatPhoneNumber,
  looksLikePhoneNumber,
  toE164,
  validateBillingNumber,
  validateNumbersToPort,
} from '../../src/domain/phoneNumbers';

const RUNS = { numRuns: 300 };

describe('validateNumbersToPort: accepted input', () => {
  it.each<[string, string[], string?]>([
    ['(415) 555-0123', ['+14155550123']],
    ['415.555.0123', ['+14155550123']],
    ['+1 415 555 0123', ['+14155550123']],
    ['1-415-555-0123', ['+14155550123']],
    ['4155550123', ['+14155550123']],
    ['14155550123', ['+14155550123']],
    ['+14155550123', ['+14155550123']],
    ['+1 (415) 555-0123', ['+14155550123']],
    ['(212)555-0123', ['+12125550123']],
    ['  415 555 0123  ', ['+14155550123']],
    ['４１５５５５０１２３', ['+14155550123']],
    ['415–555–0123', ['+14155550123']],
    ['my number is 415 555 0123 please', ['+14155550123']],
    ['415-555-0123, 415-555-0124', ['+14155550123', '+14155550124']],
    ['415-555-0123; 415-555-0124', ['+14155550123', '+14155550124']],
    ['415-555-0123 and 415-555-0124', ['+14155550123', '+14155550124']],
    ['415-555-0123 & 415-555-0124', ['+14155550123', '+14155550124']],
    ['415-555-0123\n415-555-0124\r\n415-555-0125', ['+14155550123', '+14155550124', '+14155550125']],
    ['4155550123 4155550124 4155550125', ['+14155550123', '+14155550124', '+14155550125']],
    ['4155550123,4155550124;4155550125', ['+14155550123', '+14155550124', '+14155550125']],
    ['4155550123/4155550124', ['+14155550123', '+14155550124']],
    ['415 555 0123 415 555 0124', ['+14155550123', '+14155550124']],
    ['+1 415 555 0123 +1 415 555 0124', ['+14155550123', '+14155550124']],
    ['1. 415-555-0123\n2. 415-555-0124', ['+14155550123', '+14155550124']],
    ['- 415-555-0123\n- 415-555-0124', ['+14155550123', '+14155550124']],
    ['I have 2 lines: 415-555-0123 and 415-555-0124', ['+14155550123', '+14155550124']],
    ['Call 415-555-0123. Also 415-555-0124.', ['+14155550123', '+14155550124']],
    ['(416) 555-0199', ['+14165550199'], 'CA'],
    ['604 555 1234, 416-555-0199', ['+16045551234', '+14165550199'], 'CA'],
  ])('reads %j', (raw, numbers, country = 'US') => {
    const result = validateNumbersToPort(raw);
    expect(result).toEqual({ ok: true, value: { country, numbers }, warnings: [] });
  });

  it('merges duplicates written differently, with a warning naming the number', () => {
    const result = validateNumbersToPort('(415) 555-0123, 415.555.0123 and +1 415 555 0123; 1-415-555-0123 & 4155550123, 415-555-0124');
    expect(result.ok && result.value.numbers).toEqual(['+14155550123', '+14155550124']);
    expect(result.ok && result.warnings).toEqual([
      { code: 'numbers.duplicates_merged', message: expect.stringContaining('(415) 555-0123') },
    ]);
  });

  it.each(['415-555-0123 x123', '415-555-0123 ext. 123', '415-555-0123, extension 123', '4155550123x123'])(
    'leaves out the extension in %j and says so',
    (raw) => {
      const result = validateNumbersToPort(raw);
      expect(result.ok && result.value.numbers).toEqual(['+14155550123']);
      expect(result.ok && result.warnings).toEqual([
        { code: 'numbers.extension_ignored', message: expect.stringMatching(/extension \(123\).*main number/) },
      ]);
    },
  );

  it('accepts exactly the maximum count', () => {
    const numbers = Array.from({ length: 20 }, (_, i) => `415555${String(100 + i).padStart(4, '0')}`);
    const result = validateNumbersToPort(numbers.join(', '));
    expect(result.ok && result.value.numbers).toHaveLength(20);
  });
});

describe('validateNumbersToPort: refused input', () => {
  it.each<[string, string, RegExp]>([
    ['', 'numbers.empty', /area code.*\(415\) 555-0123/],
    ['   \n ', 'numbers.empty', /area code/],
    ['none', 'numbers.empty', /phone number you want to move/],
    ['415-555-012', 'numbers.invalid', /“415-555-012” \(too few digits\).*area code/],
    ['555-1234', 'numbers.invalid', /“555-1234” \(too few digits\).*3-digit area code/],
    ['+1 415 555 01234', 'numbers.invalid', /“\+1 415 555 01234” \(too many digits\)/],
    ['123-456-7890', 'numbers.invalid', /“123-456-7890” \(not a valid number — check the area code\)/],
    ['I have 123 numbers', 'numbers.invalid', /“123”/],
    ['+44 20 7946 0958', 'numbers.wrong_country', /\+44 20 7946 0958 isn't a US or Canadian number.*leave it out/],
    ['(787) 555-0123', 'numbers.wrong_country', /\(787\) 555-0123 isn't a US or Canadian number/],
    ['+1 876 555 0123', 'numbers.wrong_country', /\(876\) 555-0123/],
    ['900-555-1234', 'numbers.premium_rate', /\(900\) 555-1234 is a premium-rate \(900\) number.*leave it out/],
    ['1-800-555-1234', 'numbers.toll_free', /\(800\) 555-1234 is a toll-free number.*RespOrg.*separately/],
    ['(833) 555-1234 and 844-555-1234', 'numbers.toll_free', /\(833\) 555-1234 and \(844\) 555-1234 are toll-free numbers/],
  ])('refuses %j with %s', (raw, code, message) => {
    const result = validateNumbersToPort(raw);
    expect(result).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it.each(['800', '888', '877', '866', '855', '844', '833'])('explains toll-free %s numbers', (prefix) => {
    const result = validateNumbersToPort(`${prefix}-555-0100`);
    expect(!result.ok && result.error.code).toBe('numbers.toll_free');
  });

  it('names every unreadable chunk and keeps the valid numbers out of the complaint', () => {
    const result = validateNumbersToPort('415-555-012 and 415-555-0124 and 123-456-7890');
    expect(!result.ok && result.error.code).toBe('numbers.invalid');
    const message = !result.ok ? result.error.message : '';
    expect(message).toContain('“415-555-012”');
    expect(message).toContain('“123-456-7890”');
    expect(message).not.toContain('0124');
  });

  it('refuses toll-free numbers mixed with regular ones, so nothing is silently dropped', () => {
    const result = validateNumbersToPort('415-555-0123, 800-555-1234');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'numbers.toll_free',
        message: expect.stringMatching(/\(800\) 555-1234 is a toll-free number.*send me your other numbers without the toll-free ones/),
      },
    });
  });

  it('refuses numbers from two countries, naming both groups', () => {
    const result = validateNumbersToPort('416-555-0199 and 415-555-0123');
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'numbers.mixed_countries',
        message: expect.stringMatching(/\(415\) 555-0123 is a US number and \(416\) 555-0199 is Canadian.*one country/),
      },
    });
  });

  it('refuses more numbers than the policy allows, with the count', () => {
    const numbers = Array.from({ length: 23 }, (_, i) => `415555${String(100 + i).padStart(4, '0')}`);
    const result = validateNumbersToPort(numbers.join('\n'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'numbers.too_many', message: expect.stringMatching(/That's 23 numbers.*up to 20/) },
    });
  });

  it('follows the policy it is given', () => {
    const usOnly = { countries: ['US'] as const, maxNumbersPerRequest: 2 };
    expect(validateNumbersToPort('416-555-0199', usOnly)).toEqual({
      ok: false,
      error: { code: 'numbers.wrong_country', message: expect.stringContaining('only move US numbers') },
    });
    const three = validateNumbersToPort('4155550123 4155550124 4155550125', usOnly);
    expect(!three.ok && three.error.code).toBe('numbers.too_many');
  });

  it('reports every kind of problem at once, coded by the first', () => {
    const result = validateNumbersToPort('415-555-012, 900-555-1234, 800-555-1234');
    expect(!result.ok && result.error.code).toBe('numbers.invalid');
    const message = !result.ok ? result.error.message : '';
    expect(message).toContain('“415-555-012”');
    expect(message).toContain('premium-rate');
    expect(message).toContain('toll-free');
  });

  it('refuses a message far too long to be a list of numbers', () => {
    const result = validateNumbersToPort('4155550123 '.repeat(300));
    expect(!result.ok && result.error.code).toBe('numbers.too_long');
  });
});

describe('validateBillingNumber', () => {
  it.each([
    ['(415) 555-0123', 'US', '+14155550123'],
    ['1 415 555 0123', 'US', '+14155550123'],
    ['416.555.0199', 'CA', '+14165550199'],
    ['415-555-0123, 415-555-0123', 'US', '+14155550123'],
  ] as const)('accepts %j in %s', (raw, country, e164) => {
    expect(validateBillingNumber(raw, { country })).toEqual({ ok: true, value: e164, warnings: [] });
  });

  it.each<[string, 'US' | 'CA', string, RegExp]>([
    ['', 'US', 'btn.empty', /billing telephone number.*on your bill/],
    ['415-555-012', 'US', 'btn.invalid', /“415-555-012” \(too few digits\).*main number/],
    ['415-555-0123 and 415-555-0124', 'US', 'btn.several', /just one billing telephone number/],
    ['416-555-0199', 'US', 'btn.wrong_country', /has to be a US number.*main number on your bill/],
    ['415-555-0123', 'CA', 'btn.wrong_country', /has to be a Canadian number/],
    ['+44 20 7946 0958', 'US', 'btn.wrong_country', /US number/],
    ['800-555-1234', 'US', 'btn.toll_free', /\(800\) 555-1234 is a toll-free number.*main phone number/],
    ['900-555-1234', 'US', 'btn.premium_rate', /\(900\) 555-1234 is a premium-rate.*main phone number/],
  ])('refuses %j (%s) with %s', (raw, country, code, message) => {
    expect(validateBillingNumber(raw, { country })).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it('leaves out an extension with a warning', () => {
    const result = validateBillingNumber('415-555-0123 ext 5', { country: 'US' });
    expect(result.ok && result.value).toBe('+14155550123');
    expect(result.ok && result.warnings.map((warning) => warning.code)).toEqual(['btn.extension_ignored']);
  });
});

describe('formatting and recognising numbers', () => {
  it.each([
    ['+14155550123', '(415) 555-0123'],
    ['+14165550199', '(416) 555-0199'],
    ['+442079460958', '+44 20 7946 0958'],
    ['not a number', 'not a number'],
  ])('formats %s as %s', (e164, display) => {
    expect(formatPhoneNumber(e164)).toBe(display);
  });

  it.each([
    ['(415) 555-0123', true],
    ['4155550123', true],
    ['+1 415 555 0123', true],
    ['1-415-555-0123', true],
    ['123456789', false],
    ['415555012345', false],
    ['1234567890', false],
    ['call 4155550123', false],
    ['', false],
  ])('looksLikePhoneNumber(%j) is %s', (raw, expected) => {
    expect(looksLikePhoneNumber(raw)).toBe(expected);
    expect(toE164(raw) !== undefined).toBe(expected);
  });
});

describe('properties', () => {
  const areaCodes = ['212', '415', '312', '617', '206', '303', '713', '404'];
  const nanpNumber = fc
    .tuple(fc.constantFrom(...areaCodes), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
    .map(([area, exchange, line]) => ({ area, exchange: String(exchange), line: String(line).padStart(4, '0') }));
  const written = fc
    .tuple(nanpNumber, fc.constantFrom('paren', 'dots', 'plus', 'dashes', 'plain', 'one'))
    .map(([{ area, exchange, line }, style]) => {
      switch (style) {
        case 'paren': return `(${area}) ${exchange}-${line}`;
        case 'dots': return `${area}.${exchange}.${line}`;
        case 'plus': return `+1 ${area} ${exchange} ${line}`;
        case 'dashes': return `1-${area}-${exchange}-${line}`;
        case 'one': return `1${area}${exchange}${line}`;
        default: return `${area}${exchange}${line}`;
      }
    });
  const separator = fc.constantFrom(', ', '; ', ' and ', ' & ', '\n', ' ', ' / ');

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), (raw) => {
        validateNumbersToPort(raw);
        validateBillingNumber(raw, { country: 'US' });
        looksLikePhoneNumber(raw);
        formatPhoneNumber(raw);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[\d +().\-x,;&\n]{0,80}$/), (raw) => {
        validateNumbersToPort(raw);
        validateBillingNumber(raw, { country: 'CA' });
      }),
      RUNS,
    );
  });

  it('reads every number of a list, in any common format and separator', () => {
    fc.assert(
      fc.property(fc.array(written, { minLength: 1, maxLength: 6 }), separator, (numbers, sep) => {
        const result = validateNumbersToPort(numbers.join(sep));
        const expected = [...new Set(numbers.map((number) => toE164(number)))];
        // Some exchanges are unassigned; those must be named, never dropped.
        if (expected.includes(undefined)) return !result.ok && result.error.code === 'numbers.invalid';
        return result.ok && JSON.stringify(result.value.numbers) === JSON.stringify(expected);
      }),
      RUNS,
    );
  });

  it('is idempotent: the accepted numbers, written back, validate to the same value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(written, { minLength: 1, maxLength: 5 }).map((n) => n.join(', ')), fc.string()), (raw) => {
        const first = validateNumbersToPort(raw);
        if (!first.ok) return true;
        const again = validateNumbersToPort(first.value.numbers.join(', '));
        return again.ok && JSON.stringify(again.value) === JSON.stringify(first.value);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(written, (raw) => {
        const first = validateBillingNumber(raw, { country: 'US' });
        if (!first.ok) return true;
        const again = validateBillingNumber(first.value, { country: 'US' });
        return again.ok && again.value === first.value;
      }),
      RUNS,
    );
  });

  it('uses the default policy of US and Canada, 20 numbers', () => {
    expect(DEFAULT_NUMBERS_POLICY).toEqual({ countries: ['US', 'CA'], maxNumbersPerRequest: 20 });
  });
});
