import fc from 'fast-check';
import {
  type ServiceAddress,
  formatAddress,
  validateAddressParts,
  validateServiceAddress,
} from '../../src/domain/address';
import { CA_POSTAL_FIRST_LETTER, US_ZIPS_IN_TWO_STATES, US_ZIP_PREFIX_RANGES } from '../../src/domain/address/postalCodeRegions';
import { regionByCode } from '../../src/domain/address/regions';

const US = (street: string, city: string, region: string, postalCode: string, unit?: string): ServiceAddress => ({
  street,
  ...(unit ? { unit } : {}),
  city,
  region,
  postalCode,
  country: 'US',
});
const CA = (street: string, city: string, region: string, postalCode: string, unit?: string): ServiceAddress => ({
  ...US(street, city, region, postalCode, unit),
  country: 'CA',
});

describe('validateServiceAddress: lines it reads', () => {
  it.each<[string, ServiceAddress]>([
    ['123 Main St Apt 4, Springfield, IL 62704', US('123 Main St', 'Springfield', 'IL', '62704', 'Apt 4')],
    ['123 Main St, Apt 4, Springfield IL 62704-1234', US('123 Main St', 'Springfield', 'IL', '62704-1234', 'Apt 4')],
    ['123 Main St\nApt 4\nSpringfield, IL 62704', US('123 Main St', 'Springfield', 'IL', '62704', 'Apt 4')],
    ['123 Main St, Springfield, Illinois 62704', US('123 Main St', 'Springfield', 'IL', '62704')],
    ['350 5th Ave, New York, new york 10118', US('350 5th Ave', 'New York', 'NY', '10118')],
    ['12 Elm St, Charleston, West Virginia 25301', US('12 Elm St', 'Charleston', 'WV', '25301')],
    ['1600 Pennsylvania Ave NW, Washington DC 20500', US('1600 Pennsylvania Ave NW', 'Washington', 'DC', '20500')],
    ['1600 Pennsylvania Ave NW, Washington, D.C. 20500', US('1600 Pennsylvania Ave NW', 'Washington', 'DC', '20500')],
    ['123 Main St, Springfield, IL 627041234', US('123 Main St', 'Springfield', 'IL', '62704-1234')],
    ['123 Main St, Springfield, IL 62704 1234', US('123 Main St', 'Springfield', 'IL', '62704-1234')],
    ['123 Main St, Springfield, IL, 62704, USA', US('123 Main St', 'Springfield', 'IL', '62704')],
    ['123 Main St, Springfield, IL 62704, United States', US('123 Main St', 'Springfield', 'IL', '62704')],
    ['123 main st apt 4 springfield il 62704', US('123 main st', 'springfield', 'IL', '62704', 'Apt 4')],
    ['123 Main St St Paul MN 55101', US('123 Main St', 'St Paul', 'MN', '55101')],
    ['100 Court St Brooklyn NY 11201', US('100 Court St', 'Brooklyn', 'NY', '11201')],
    ['100 Park Ave S New York NY 10003', US('100 Park Ave S', 'New York', 'NY', '10003')],
    ['10 Main Street 3rd floor Boston MA 02108', US('10 Main Street', 'Boston', 'MA', '02108', 'Fl 3')],
    ['3rd Floor, 10 Main Street, Boston, MA 02108', US('10 Main Street', 'Boston', 'MA', '02108', 'Fl 3')],
    ['Apt 4, 123 Main St, Springfield, IL 62704', US('123 Main St', 'Springfield', 'IL', '62704', 'Apt 4')],
    ['123 Main St, Apt 4 Springfield, IL 62704', US('123 Main St', 'Springfield', 'IL', '62704', 'Apt 4')],
    ['1 Ocean Dr, Honolulu, Hawaii 96815', US('1 Ocean Dr', 'Honolulu', 'HI', '96815')],
    ['250 Calle Fortaleza, San Juan, PR 00901', US('250 Calle Fortaleza', 'San Juan', 'PR', '00901')],
    ['1 Veterans Dr, Charlotte Amalie, VI 00802', US('1 Veterans Dr', 'Charlotte Amalie', 'VI', '00802')],
    ['100 Marine Dr, Hagatna, Guam 96910', US('100 Marine Dr', 'Hagatna', 'GU', '96910')],
    ['45 Rue Sainte-Catherine O, Montréal, QC H2X 1K4', CA('45 Rue Sainte-Catherine O', 'Montréal', 'QC', 'H2X 1K4')],
    ['45 Rue Sainte-Catherine O, Montréal, Québec h2x1k4', CA('45 Rue Sainte-Catherine O', 'Montréal', 'QC', 'H2X 1K4')],
    ['45 Rue Sainte-Catherine O, Montréal (Quebec) H2X-1K4', CA('45 Rue Sainte-Catherine O', 'Montréal', 'QC', 'H2X 1K4')],
    ['1 Yonge St, Toronto, Ontario m5e1e5', CA('1 Yonge St', 'Toronto', 'ON', 'M5E 1E5')],
    ['100 Queen St W, Suite 200, Toronto, ON M5H 2N2, Canada', CA('100 Queen St W', 'Toronto', 'ON', 'M5H 2N2', 'Ste 200')],
    ['12 Water St, St. John’s, Newfoundland and Labrador A1C 1A1', CA('12 Water St', 'St. John’s', 'NL', 'A1C 1A1')],
    ['5 Franklin Ave, Yellowknife, NT X1A 2L9', CA('5 Franklin Ave', 'Yellowknife', 'NT', 'X1A 2L9')],
    ['5 Queen St, Iqaluit, Nunavut X0A 0H0', CA('5 Queen St', 'Iqaluit', 'NU', 'X0A 0H0')],
    // States and provinces by their Spanish names, accents or not.
    ['350 5th Ave, New York, Nueva York 10118', US('350 5th Ave', 'New York', 'NY', '10118')],
    ['1 Main St, Charlotte, Carolina del Norte 28202', US('1 Main St', 'Charlotte', 'NC', '28202')],
    ['1 Main St, Santa Fe, Nuevo México 87501', US('1 Main St', 'Santa Fe', 'NM', '87501')],
    ['1 Main St, Santa Fe, nuevo mexico 87501', US('1 Main St', 'Santa Fe', 'NM', '87501')],
    ['12 Elm St, Charleston, Virginia Occidental 25301', US('12 Elm St', 'Charleston', 'WV', '25301')],
    ['1 Market St, Philadelphia, Pensilvania 19106', US('1 Market St', 'Philadelphia', 'PA', '19106')],
    ['1 Granville St, Vancouver, Columbia Británica V6C 1T2', CA('1 Granville St', 'Vancouver', 'BC', 'V6C 1T2')],
  ])('%j', (line, expected) => {
    const result = validateServiceAddress(line);
    expect(result).toEqual({ ok: true, value: expected, warnings: [] });
  });

  it.each<[string, string]>([
    ['123 Main St Apt 4B, Springfield, IL 62704', 'Apt 4B'],
    ['123 Main St Apartment 4b, Springfield, IL 62704', 'Apt 4B'],
    ['123 Main St Apt. #4, Springfield, IL 62704', 'Apt 4'],
    ['123 Main St Unit 12, Springfield, IL 62704', 'Unit 12'],
    ['123 Main St Suite 300, Springfield, IL 62704', 'Ste 300'],
    ['123 Main St Ste. 300, Springfield, IL 62704', 'Ste 300'],
    ['123 Main St #4, Springfield, IL 62704', '#4'],
    ['123 Main St # 4, Springfield, IL 62704', '#4'],
    ['123 Main St Bldg 2 Ste 300, Springfield, IL 62704', 'Bldg 2 Ste 300'],
    ['123 Main St, Building C, Springfield, IL 62704', 'Bldg C'],
    ['123 Main St Fl 2, Springfield, IL 62704', 'Fl 2'],
    ['123 Main St Rm 101, Springfield, IL 62704', 'Rm 101'],
    ['123 Main St Lot 7, Springfield, IL 62704', 'Lot 7'],
    ['123 Main St, Rear, Springfield, IL 62704', 'Rear'],
    ['45 Rue Principale, App 3, Gatineau, QC J8X 1A1', 'App 3'],
    // Spanish unit words, stored as USPS writes them (a "departamento" is an apartment).
    ['123 Main St, Apto 4, Springfield, IL 62704', 'Apt 4'],
    ['123 Main St Apartamento 4B, Springfield, IL 62704', 'Apt 4B'],
    ['123 Main St, Depto. 12, Springfield, IL 62704', 'Apt 12'],
    ['123 Main St Dpto 3, Springfield, IL 62704', 'Apt 3'],
    ['123 Main St, Unidad 5, Springfield, IL 62704', 'Unit 5'],
    ['123 Main St Piso 2, Springfield, IL 62704', 'Fl 2'],
    ['123 Main St Edificio C Apto 2, Springfield, IL 62704', 'Bldg C Apt 2'],
  ])('reads the unit of %j as %j', (line, unit) => {
    const result = validateServiceAddress(line);
    expect(result.ok && result.value.unit).toBe(unit);
    expect(result.ok && result.value.street).toMatch(/^\d+ Rue Principale$|^123 Main St$/);
  });
});

describe('validateServiceAddress: postal code against the state or province', () => {
  it.each<[string, string, string]>([
    [
      '123 Main St, Springfield, IL 10001',
      'address.zip_state_mismatch',
      'ZIP 10001 is in New York, but the state you gave is Illinois. Please check the ZIP or the state as they appear on your bill.',
    ],
    ['350 5th Ave, New York, NY 60601', 'address.zip_state_mismatch', 'ZIP 60601 is in Illinois, but the state you gave is New York.'],
    ['1 Main St, Kansas City, KS 64105', 'address.zip_state_mismatch', 'ZIP 64105 is in Missouri, but the state you gave is Kansas.'],
    ['1 Main St, Reno, NV 96801', 'address.zip_state_mismatch', 'ZIP 96801 is in Hawaii, but the state you gave is Nevada.'],
    ['1 Main St, Arlington, VA 20001', 'address.zip_state_mismatch', 'ZIP 20001 is in the District of Columbia, but the state you gave is Virginia.'],
    [
      '1 Yonge St, Toronto, ON H2X 1K4',
      'address.postal_code_province_mismatch',
      'Postal code H2X 1K4 is in Québec, but the province you gave is Ontario. Please check the postal code or the province',
    ],
    ['5 Queen St, Whitehorse, YT X1A 2L9', 'address.postal_code_province_mismatch', 'is in the Northwest Territories or Nunavut'],
    ['1 Yonge St, Toronto, ON 12345', 'address.postal_code_wrong_country', '12345 looks like a US ZIP code, but Ontario is in Canada.'],
    ['1 Main St, Springfield, IL K1A 0B1', 'address.postal_code_wrong_country', 'K1A 0B1 looks like a Canadian postal code'],
    ['1 Main St, Springfield, IL 6270', 'address.zip_invalid', '“6270” doesn\'t look like a ZIP code.'],
    ['1 Main St, Springfield, IL 62704-12', 'address.zip_invalid', 'A ZIP code has 5 digits'],
    ['1 Yonge St, Toronto, ON D1A 1A1', 'address.postal_code_invalid', 'It should look like K1A 0B1'],
  ])('%j → %s', (line, code, message) => {
    const result = validateServiceAddress(line);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(message);
    }
  });

  it('accepts a ZIP that straddles two states with either state', () => {
    expect(validateServiceAddress('1 Main St, Texhoma, OK 73949').ok).toBe(true);
    expect(validateServiceAddress('1 Main St, Texhoma, TX 73949').ok).toBe(true);
  });

  it('knows the prefixes that sit inside another state\'s range', () => {
    expect(validateServiceAddress('1 Main St, Austin, TX 73301').ok).toBe(true); // 733: Austin IRS, amid Oklahoma's 730–749
    expect(validateServiceAddress('1 Main St, Dulles, VA 20166').ok).toBe(true); // 201: Dulles, amid DC's 200–205
    expect(validateServiceAddress('1 Main St, Andover, MA 05501').ok).toBe(true); // 055: Andover IRS, amid Vermont's 050–059
  });

  it('accepts, with a warning, a ZIP whose prefix USPS does not assign (the bill is the authority)', () => {
    const result = validateServiceAddress('1 Main St, Springfield, IL 00012');
    expect(result.ok && result.warnings.map((warning) => warning.code)).toEqual(['address.zip_unrecognised']);
  });
});

describe('validateServiceAddress: refusals', () => {
  it.each<[string, string, string]>([
    ['PO Box 12, Springfield, IL 62704', 'address.po_box', ''],
    ['P.O. Box 12, Springfield, IL 62704', 'address.po_box', ''],
    ['p o box 12, Springfield, IL 62704', 'address.po_box', ''],
    ['POB 12, Springfield, IL 62704', 'address.po_box', ''],
    ['Post Office Box 12, Springfield, IL 62704', 'address.po_box', ''],
    ['Box 12, Springfield, IL 62704', 'address.po_box', ''],
    ['RR 2 Box 15, Springfield, IL 62704', 'address.po_box', ''],
    ['123 Main St PMB 456, Springfield, IL 62704', 'address.po_box', ''],
    ['CP 123, Gatineau, QC J8X 1A1', 'address.po_box', ''],
    ['C.P. 123 Succ Centre-Ville, Montréal, QC H3C 1A1', 'address.po_box', ''],
    ['Case postale 123, Montréal, QC H3C 1A1', 'address.po_box', ''],
    ['General Delivery, Springfield, IL 62704', 'address.po_box', ''],
    ['', 'address.empty', ''],
    ['   \n ', 'address.empty', ''],
    ['123 Main St, Springfield, IL', 'address.missing_postal_code', "I couldn't find a ZIP code in that address."],
    ['1 Yonge St, Toronto, ON', 'address.missing_postal_code', "I couldn't find a postal code in that address."],
    ['123 Main St, Springfield 62704', 'address.missing_region', "I couldn't find the state in that address."],
    ['123 Main St, IL 62704', 'address.missing_city', "I couldn't find the city in that address."],
    ['Springfield, IL 62704', 'address.missing_street', "I couldn't find the street and house number in that address."],
    ['Springfield', 'address.missing_street', "I couldn't find the street and house number, the state or province or a ZIP or postal code"],
    ['123 Broadway New York NY 10001', 'address.street_city_boundary', 'Please put a comma after the street'],
    ['Jane Doe, 123 Main St, Springfield, IL 62704', 'address.extra_text', '“Jane Doe”'],
    ['Main St, Springfield, IL 62704', 'address.street_incomplete', 'house or building number'],
    ['123, Springfield, IL 62704', 'address.street_incomplete', ''],
    ['123 Main St, Springfield 2, IL 62704', 'address.city_invalid', ''],
    ['123 Main St 😀, Springfield, IL 62704', 'address.street_invalid', ''],
    ['1 Main St, Anchorage, AK 99501, Canada', 'address.country_conflict', 'That address says Canada, but Alaska is in the United States.'],
    ['Unit 2050, APO, AP 96278', 'address.military', ''],
    ['1 Main St, Springfield, XY 62704', 'address.missing_region', ''],
    [`${'9'.repeat(400)} Main St, Springfield, IL 62704`, 'address.too_long', ''],
  ])('%j → %s', (line, code, message) => {
    const result = validateServiceAddress(line);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      if (message) expect(result.error.message).toContain(message);
    }
  });

  it('explains that a PO box is a mailing address and asks for the service address', () => {
    const result = validateServiceAddress('PO Box 12, Springfield, IL 62704');
    expect(!result.ok && result.error.message).toMatch(/service address: the street address where the phone service is/);
  });

  it('does not take street or city names for PO boxes', () => {
    expect(validateServiceAddress('12 Box Canyon Rd, Box Elder, SD 57719').ok).toBe(true);
    expect(validateServiceAddress('12 Polo Blvd, Boxford, MA 01921').ok).toBe(true);
  });

  it('refuses an address in another country than the numbers', () => {
    const result = validateServiceAddress('1 Yonge St, Toronto, ON M5E 1E5', { country: 'US' });
    expect(!result.ok && result.error.code).toBe('address.country_mismatch');
    expect(!result.ok && result.error.message).toContain(
      "That address is in Canada, but the numbers you're moving are in the United States.",
    );
    expect(validateServiceAddress('1 Yonge St, Toronto, ON M5E 1E5', { country: 'CA' }).ok).toBe(true);
  });
});

describe('validateAddressParts', () => {
  it('builds the same address as the one-line form', () => {
    const parts = validateAddressParts({ street: '123 Main St', unit: 'apartment 4', city: 'Springfield', region: 'Illinois', postalCode: '62704' });
    expect(parts).toEqual(validateServiceAddress('123 Main St Apt 4, Springfield, IL 62704'));
  });

  it('takes a unit typed in the street field', () => {
    const result = validateAddressParts({ street: '123 Main St #4', city: 'Springfield', region: 'IL', postalCode: '62704' });
    expect(result.ok && result.value).toEqual(US('123 Main St', 'Springfield', 'IL', '62704', '#4'));
  });

  it('normalises a Canadian postal code typed without a space, in lower case', () => {
    const result = validateAddressParts({ street: '1 Yonge St', city: 'Toronto', region: 'on', postalCode: 'm5e1e5' });
    expect(result.ok && result.value).toEqual(CA('1 Yonge St', 'Toronto', 'ON', 'M5E 1E5'));
  });

  it.each<[Parameters<typeof validateAddressParts>[0], string]>([
    [{ street: '123 Main St', city: 'Springfield', region: 'IL' }, 'address.missing_postal_code'],
    [{ city: 'Springfield', region: 'IL', postalCode: '62704' }, 'address.missing_street'],
    [{ street: '123 Main St', region: 'IL', postalCode: '62704' }, 'address.missing_city'],
    [{ street: '123 Main St', city: 'Springfield', region: 'Illinoise', postalCode: '62704' }, 'address.region_unknown'],
    [{ street: 'PO Box 9', city: 'Springfield', region: 'IL', postalCode: '62704' }, 'address.po_box'],
    [{ street: '123 Main St', city: 'Springfield', region: 'IL', postalCode: '10001' }, 'address.zip_state_mismatch'],
    [{ street: '123 Main St', city: 'Springfield, Sangamon', region: 'IL', postalCode: '62704' }, 'address.city_invalid'],
  ])('%j → %s', (parts, code) => {
    const result = validateAddressParts(parts);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('names an unknown state in its message', () => {
    const result = validateAddressParts({ street: '1 Main St', city: 'Springfield', region: 'Illinoise', postalCode: '62704' });
    expect(!result.ok && result.error.message).toBe(
      'I don\'t recognise “Illinoise” as a US state or Canadian province. Please use its two-letter code, like IL or ON.',
    );
  });
});

describe('postal code data', () => {
  it('names only known regions, in the right country', () => {
    for (const [first, last, code] of US_ZIP_PREFIX_RANGES) {
      expect(first).toBeLessThanOrEqual(last);
      expect(regionByCode(code)?.country).toBe('US');
    }
    for (const codes of Object.values(US_ZIPS_IN_TWO_STATES)) for (const code of codes) expect(regionByCode(code)?.country).toBe('US');
    for (const codes of Object.values(CA_POSTAL_FIRST_LETTER)) for (const code of codes) expect(regionByCode(code)?.country).toBe('CA');
  });

  it('gives every US state and DC at least one ZIP prefix, and every province a first letter', () => {
    const states = new Set(US_ZIP_PREFIX_RANGES.map(([, , code]) => code));
    for (const code of ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'VI', 'GU', 'AS', 'MP', 'AA', 'AE', 'AP']) {
      expect(states).toContain(code);
    }
    const provinces = new Set(Object.values(CA_POSTAL_FIRST_LETTER).flat());
    expect([...provinces].sort()).toEqual(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
  });

  it('does not give one prefix to two states, except where USPS shares it', () => {
    const owners = new Map<number, string[]>();
    for (const [first, last, code] of US_ZIP_PREFIX_RANGES) {
      for (let prefix = first; prefix <= last; prefix += 1) owners.set(prefix, [...(owners.get(prefix) ?? []), code]);
    }
    const shared = [...owners].filter(([, codes]) => codes.length > 1).map(([prefix, codes]) => [prefix, codes.sort().join('/')]);
    expect(shared).toEqual([
      [967, 'AS/HI'],
      [969, 'FM/GU/MH/MP/PW'],
    ]);
  });
});

describe('formatAddress', () => {
  it('writes one canonical line', () => {
    expect(formatAddress(US('123 Main St', 'Springfield', 'IL', '62704-1234', 'Apt 4'))).toBe('123 Main St, Apt 4, Springfield, IL 62704-1234');
    expect(formatAddress(CA('1 Yonge St', 'Toronto', 'ON', 'M5E 1E5'))).toBe('1 Yonge St, Toronto, ON M5E 1E5');
  });
});

describe('properties', () => {
  // Address-shaped lines built from the pieces that make parsing hard: unit designators, region names that are also
  // words, PO-box words, ZIPs of the wrong state or country, and every separator.
  const word = fc.constantFrom(
    'Main', 'St', 'Apt', '4', '#4', 'Box', 'PO', 'IL', 'New', 'York', 'Ste', 'Rear', 'N', 'Unit', 'B', 'Springfield', 'Québec',
    'Washington', 'DC', 'West', 'Virginia', 'CP', '3rd', 'floor', 'Lot', 'Rd', 'USA', 'Canada', "O'Brien", 'Saint-Jean',
    'Bldg', 'MA', '1/2', 'Apt 4', 'St.', 'NW', '2nd', 'App', 'Que', 'in', 'or', 'me', 'Rue', 'E',
  );
  const words = (max: number) => fc.array(word, { maxLength: max }).map((list) => list.join(' '));
  const separator = fc.constantFrom(' ', ', ', '\n', ',');
  const addressLike = fc
    .tuple(
      fc.constantFrom('1', '123', '12B', 'N123', ''),
      words(4),
      separator,
      words(3),
      separator,
      words(3),
      separator,
      fc.constantFrom('IL', 'il', 'Illinois', 'MA', 'New York', 'ON', 'Québec', 'D.C.', 'West Virginia', 'PR', 'AE', 'XX', ''),
      separator,
      fc.constantFrom('62704', '62704-1234', '02108', '10001', 'M5E 1E5', 'h2x1k4', '20001', '00901', '09012', '6270', ''),
    )
    .map((parts) => `${parts[0]} ${parts.slice(1).join('')}`);

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), addressLike), (line) => {
        expect(() => validateServiceAddress(line)).not.toThrow();
        expect(() => validateServiceAddress(line, { country: 'CA' })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('an accepted address, formatted and validated again, stays the same', () => {
    let accepted = 0;
    fc.assert(
      fc.property(addressLike, (line) => {
        const first = validateServiceAddress(line);
        if (!first.ok) return;
        accepted += 1;
        expect(validateServiceAddress(formatAddress(first.value))).toEqual(first);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(50); // the property was really exercised
  });

  it('parts accepted, formatted and validated as one line, stay the same', () => {
    const street = fc.tuple(fc.constantFrom('1', '123', ''), words(4)).map(([number, rest]) => `${number} ${rest}`);
    const region = fc.constantFrom('IL', 'Illinois', 'MA', 'new york', 'on', 'Québec', 'XX', '');
    const postalCode = fc.constantFrom('62704', '02108', '10001-1234', 'm5e1e5', 'H2X 1K4', '6270', '');
    const parts = fc.record({ street, unit: words(3), city: words(3), region, postalCode });
    let accepted = 0;
    fc.assert(
      fc.property(parts, (given) => {
        const first = validateAddressParts(given);
        if (!first.ok) return;
        accepted += 1;
        expect(validateServiceAddress(formatAddress(first.value))).toEqual(first);
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(50);
  });
});
