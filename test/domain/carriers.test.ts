import fc from 'fast-check';
import {
  GENERIC_CARRIER,
  carrierRef,
  carrierRules,
  getCarrier,
  listCarriers,
  matchCarrier,
  unknownCarrierRef,
  validateCarrier,
} from '../../src/domain/carriers';

const RUNS = { numRuns: 300 };

describe('matchCarrier', () => {
  it.each([
    ['tmo', 'tmobile'],
    ['t mobile', 'tmobile'],
    ['tmobile', 'tmobile'],
    ['T-Mobile', 'tmobile'],
    ['T-Mobile USA', 'tmobile'],
    ['TMOBILE', 'tmobile'],
    ['att', 'att'],
    ['at&t', 'att'],
    ['AT and T', 'att'],
    ['A.T.&T.', 'att'],
    ['AT&T Wireless', 'att'],
    ['verizon', 'verizon'],
    ['Verizon Wireless', 'verizon'],
    ['vzw', 'verizon'],
    ['Verizon prepaid', 'verizon'],
    ['my carrier is Verizon', 'verizon'],
    ["I think it's T-Mobile", 'tmobile'],
    ['Xfinity Mobile', 'xfinity-mobile'],
    ['xfinity wireless', 'xfinity-mobile'],
    ['Xfinity Voice', 'xfinity-voice'],
    ['Comcast Xfinity Voice', 'xfinity-voice'],
    ['Metro', 'metro'],
    ['MetroPCS', 'metro'],
    ['Metro by T-Mobile', 'metro'],
    ['metro by tmobile', 'metro'],
    ['Cricket', 'cricket'],
    ['Cricket Wireless', 'cricket'],
    ['Google Fi', 'google-fi'],
    ['project fi', 'google-fi'],
    ['Google Voice', 'google-voice'],
    ['US Cellular', 'us-cellular'],
    ['U.S. Cellular', 'us-cellular'],
    ['Mint Mobile', 'mint'],
    ['mint', 'mint'],
    ['Boost Mobile', 'boost'],
    ['Visible', 'visible'],
    ['Spectrum Mobile', 'spectrum-mobile'],
    ['Spectrum Voice', 'spectrum-voice'],
    ['Time Warner Cable', 'spectrum-voice'],
    ['Verizon Fios', 'verizon-fios'],
    ['fios', 'verizon-fios'],
    ['Cox Communications', 'cox'],
    ['Optimum', 'optimum'],
    ['CenturyLink', 'centurylink'],
    ['Lumen', 'centurylink'],
    ['Frontier Communications', 'frontier'],
    ['Windstream', 'windstream'],
    ['Vonage', 'vonage'],
    ['Ring Central', 'ringcentral'],
    ['Ooma', 'ooma'],
    ['8x8', '8x8'],
    ['Rogers', 'rogers'],
    ['Bell Mobility', 'bell'],
    ['TELUS', 'telus'],
    ['Fido', 'fido'],
    ['Koodo Mobile', 'koodo'],
    ['Virgin Plus', 'virgin-plus'],
    ['Freedom Mobile', 'freedom'],
    ['Wind Mobile', 'freedom'],
  ])('knows %j as %s', (raw, id) => {
    const match = matchCarrier(raw);
    expect(match.kind === 'known' && match.carrier.id).toBe(id);
  });

  it.each([
    ['verison', 'verizon', /^Did you mean Verizon\?$/],
    ['verizn', 'verizon', /Did you mean Verizon\?/],
    ['tmobil', 'tmobile', /Did you mean T-Mobile\?/],
    ['t-moble', 'tmobile', /Did you mean T-Mobile\?/],
    ['Rodgers', 'rogers', /Did you mean Rogers\?/],
    ['tellus', 'telus', /Did you mean Telus\?/],
    ['verison wireless', 'verizon', /Did you mean Verizon\?/],
    ['comcats', 'xfinity-voice', /Xfinity Voice.*Xfinity Mobile/],
    ['xfinity', 'xfinity-mobile', /Did you mean Xfinity Mobile.*Xfinity Voice/],
    ['comcast', 'xfinity-voice', /Xfinity Voice.*Xfinity Mobile/],
    ['spectrum', 'spectrum-mobile', /Spectrum Mobile.*Spectrum Voice/],
    ['google', 'google-fi', /Google Fi.*Google Voice/],
    ['Sprint', 'tmobile', /Sprint is now part of T-Mobile/],
    ['Optimum Mobile', 'optimum', /Did you mean Optimum\?/],
    ['Boost Infinite', 'boost', /Did you mean Boost Mobile\?/],
    ['Verizon or T-Mobile', 'verizon', /Did you mean Verizon\?/],
  ])('suggests, rather than assumes, for %j', (raw, id, message) => {
    const match = matchCarrier(raw);
    expect(match.kind).toBe('suggestion');
    expect(match.kind === 'suggestion' && match.carrier.id).toBe(id);
    expect(match.kind === 'suggestion' && match.message).toMatch(message);
  });

  it.each(['Straight Talk', 'US Mobile', 'Consumer Cellular', 'Tracfone', 'Ting', 'Local Phone Co-op'])(
    'treats %j as an unknown carrier to confirm',
    (raw) => {
      const match = matchCarrier(raw);
      expect(match).toEqual({ kind: 'unknown', name: raw, message: expect.stringMatching(/confirm.*check the spelling/) });
    },
  );

  it.each([
    ['', 'carrier.empty', /name of the company.*for example/],
    ['   ', 'carrier.empty', /name of the company/],
    ['123', 'carrier.not_a_name', /company name/],
    ['!!!', 'carrier.not_a_name', /company name/],
    ['x'.repeat(61), 'carrier.not_a_name', /company name/],
  ])('refuses %j as not a name', (raw, code, message) => {
    expect(matchCarrier(raw)).toEqual({ kind: 'invalid', error: { code, message: expect.stringMatching(message) } });
  });

  it('matches every carrier by its own name, and every alias to its carrier', () => {
    for (const carrier of listCarriers()) {
      expect(matchCarrier(carrier.name)).toEqual({ kind: 'known', carrier });
      for (const alias of carrier.aliases) expect(matchCarrier(alias)).toEqual({ kind: 'known', carrier });
    }
  });
});

describe('directory', () => {
  it('has every carrier from the porting facts, and the big cable, landline, VoIP and Canadian providers', () => {
    const ids = listCarriers().map((carrier) => carrier.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'verizon', 'tmobile', 'att', 'metro', 'cricket', 'google-fi', 'xfinity-mobile', 'us-cellular', 'mint', 'boost',
        'visible', 'spectrum-mobile', 'xfinity-voice', 'spectrum-voice', 'cox', 'optimum', 'centurylink', 'frontier',
        'windstream', 'vonage', 'ringcentral', 'google-voice', 'ooma', '8x8', 'rogers', 'bell', 'telus',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the facts the porting facts mark unconfirmed as unconfirmed', () => {
    expect(getCarrier('verizon')?.accountNumber.confirmed).toBe(true);
    for (const id of ['verizon', 'tmobile', 'att', 'xfinity-mobile', 'us-cellular']) {
      expect(getCarrier(id)?.pin.confirmed).toBe(false);
    }
    for (const id of ['tmobile', 'att', 'metro']) expect(getCarrier(id)?.accountNumber.confirmed).toBe(false);
  });

  it('carries the carriers\' own terms for the transfer PIN and where to get it', () => {
    expect(getCarrier('verizon')?.pin).toMatchObject({ name: 'Number Transfer PIN', minLength: 6, maxLength: 6, lifetime: { hours: 168 } });
    expect(getCarrier('verizon')?.instructions.pin).toContain('#PORT (#7678)');
    expect(getCarrier('tmobile')?.pin.name).toBe('Temporary Port Out PIN');
    expect(getCarrier('att')?.instructions.pin).toContain('*PORT (*7678)');
    expect(getCarrier('verizon')?.portOutLock).toMatchObject({ name: 'Number Lock', where: 'in My Verizon' });
  });

  it('never shows a customer a run of five or more digits, so no message can be mistaken for an echoed secret', () => {
    for (const carrier of [...listCarriers(), GENERIC_CARRIER]) {
      const texts = [carrier.accountNumber.description, ...Object.values(carrier.instructions)];
      for (const text of texts) expect(text).not.toMatch(/\d{5}/);
    }
  });

  it('resolves references to rules, falling back to the generic carrier', () => {
    const verizon = getCarrier('verizon');
    expect(verizon).toBeDefined();
    if (!verizon) return;
    expect(carrierRules(carrierRef(verizon))).toBe(verizon);
    expect(carrierRules(unknownCarrierRef('  Local   Telco '))).toBe(GENERIC_CARRIER);
    expect(carrierRules(undefined)).toBe(GENERIC_CARRIER);
    expect(carrierRules({ id: 'no-such-carrier', name: 'X', known: true })).toBe(GENERIC_CARRIER);
    expect(unknownCarrierRef('  Local   Telco ')).toEqual({ id: 'other', name: 'Local Telco', known: false });
    expect(getCarrier('other')).toBeUndefined();
  });
});

describe('validateCarrier', () => {
  it('accepts a known carrier as a reference', () => {
    expect(validateCarrier('t mobile')).toEqual({ ok: true, value: { id: 'tmobile', name: 'T-Mobile', known: true }, warnings: [] });
  });

  it('refuses a near match with the suggestion in the message', () => {
    expect(validateCarrier('verison')).toEqual({
      ok: false,
      error: { code: 'carrier.did_you_mean', message: 'Did you mean Verizon? To go ahead, enter the company\'s full name, like “Verizon”.' },
    });
  });

  it('refuses an unknown name until the customer confirms it, then accepts it with a warning', () => {
    expect(validateCarrier('Straight Talk')).toEqual({
      ok: false,
      error: { code: 'carrier.unknown', message: expect.stringMatching(/“Straight Talk”.*check the spelling/) },
    });
    expect(validateCarrier('Straight  Talk', { confirmedUnknown: true })).toEqual({
      ok: true,
      value: { id: 'other', name: 'Straight Talk', known: false },
      warnings: [{ code: 'carrier.unknown', message: expect.stringMatching(/general guidance.*matches your bill/) }],
    });
  });

  it('refuses an empty answer', () => {
    expect(validateCarrier('', { confirmedUnknown: true })).toEqual({
      ok: false,
      error: { code: 'carrier.empty', message: expect.stringContaining('name of the company') },
    });
  });

  it('never throws, and re-validating an accepted carrier\'s name gives the same reference', () => {
    const names = fc.oneof(
      fc.string({ unit: 'grapheme-composite', maxLength: 80 }),
      fc.constantFrom(...listCarriers().flatMap((carrier) => [carrier.name, ...carrier.aliases])),
    );
    fc.assert(
      fc.property(names, fc.boolean(), (raw, confirmedUnknown) => {
        matchCarrier(raw);
        const first = validateCarrier(raw, { confirmedUnknown });
        if (!first.ok) return true;
        const again = validateCarrier(first.value.name, { confirmedUnknown });
        return again.ok && JSON.stringify(again.value) === JSON.stringify(first.value);
      }),
      RUNS,
    );
  });
});
