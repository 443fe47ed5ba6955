import type { PortingCountry } from '../phoneNumbers';
import { foldForComparison } from '../text';

/**
 * US states, DC, territories and military "states", and Canadian provinces and territories, with the names
 * customers type for them. Territories and military codes are USPS addresses, so their country is 'US'.
 */
export type RegionKind = 'state' | 'district' | 'territory' | 'military' | 'province';

export interface Region {
  readonly code: string;
  readonly name: string;
  readonly country: PortingCountry;
  readonly kind: RegionKind;
  /** Other spellings customers use, besides the code and the name (matched without accents, case or dots). */
  readonly aliases?: readonly string[];
}

const REGIONS: readonly Region[] = [
  { code: 'AL', name: 'Alabama', country: 'US', kind: 'state' },
  { code: 'AK', name: 'Alaska', country: 'US', kind: 'state' },
  { code: 'AZ', name: 'Arizona', country: 'US', kind: 'state' },
  { code: 'AR', name: 'Arkansas', country: 'US', kind: 'state' },
  { code: 'CA', name: 'California', country: 'US', kind: 'state' },
  { code: 'CO', name: 'Colorado', country: 'US', kind: 'state' },
  { code: 'CT', name: 'Connecticut', country: 'US', kind: 'state' },
  { code: 'DE', name: 'Delaware', country: 'US', kind: 'state' },
  { code: 'DC', name: 'the District of Columbia', country: 'US', kind: 'district' },
  { code: 'FL', name: 'Florida', country: 'US', kind: 'state' },
  { code: 'GA', name: 'Georgia', country: 'US', kind: 'state' },
  { code: 'HI', name: 'Hawaii', country: 'US', kind: 'state', aliases: ["Hawai'i", 'Hawaiʻi'] },
  { code: 'ID', name: 'Idaho', country: 'US', kind: 'state' },
  { code: 'IL', name: 'Illinois', country: 'US', kind: 'state' },
  { code: 'IN', name: 'Indiana', country: 'US', kind: 'state' },
  { code: 'IA', name: 'Iowa', country: 'US', kind: 'state' },
  { code: 'KS', name: 'Kansas', country: 'US', kind: 'state' },
  { code: 'KY', name: 'Kentucky', country: 'US', kind: 'state' },
  { code: 'LA', name: 'Louisiana', country: 'US', kind: 'state' },
  { code: 'ME', name: 'Maine', country: 'US', kind: 'state' },
  { code: 'MD', name: 'Maryland', country: 'US', kind: 'state' },
  { code: 'MA', name: 'Massachusetts', country: 'US', kind: 'state' },
  { code: 'MI', name: 'Michigan', country: 'US', kind: 'state' },
  { code: 'MN', name: 'Minnesota', country: 'US', kind: 'state' },
  { code: 'MS', name: 'Mississippi', country: 'US', kind: 'state' },
  { code: 'MO', name: 'Missouri', country: 'US', kind: 'state' },
  { code: 'MT', name: 'Montana', country: 'US', kind: 'state' },
  { code: 'NE', name: 'Nebraska', country: 'US', kind: 'state' },
  { code: 'NV', name: 'Nevada', country: 'US', kind: 'state' },
  { code: 'NH', name: 'New Hampshire', country: 'US', kind: 'state' },
  { code: 'NJ', name: 'New Jersey', country: 'US', kind: 'state' },
  { code: 'NM', name: 'New Mexico', country: 'US', kind: 'state' },
  { code: 'NY', name: 'New York', country: 'US', kind: 'state' },
  { code: 'NC', name: 'North Carolina', country: 'US', kind: 'state' },
  { code: 'ND', name: 'North Dakota', country: 'US', kind: 'state' },
  { code: 'OH', name: 'Ohio', country: 'US', kind: 'state' },
  { code: 'OK', name: 'Oklahoma', country: 'US', kind: 'state' },
  { code: 'OR', name: 'Oregon', country: 'US', kind: 'state' },
  { code: 'PA', name: 'Pennsylvania', country: 'US', kind: 'state' },
  { code: 'RI', name: 'Rhode Island', country: 'US', kind: 'state' },
  { code: 'SC', name: 'South Carolina', country: 'US', kind: 'state' },
  { code: 'SD', name: 'South Dakota', country: 'US', kind: 'state' },
  { code: 'TN', name: 'Tennessee', country: 'US', kind: 'state' },
  { code: 'TX', name: 'Texas', country: 'US', kind: 'state' },
  { code: 'UT', name: 'Utah', country: 'US', kind: 'state' },
  { code: 'VT', name: 'Vermont', country: 'US', kind: 'state' },
  { code: 'VA', name: 'Virginia', country: 'US', kind: 'state' },
  { code: 'WA', name: 'Washington', country: 'US', kind: 'state', aliases: ['Washington State'] },
  { code: 'WV', name: 'West Virginia', country: 'US', kind: 'state' },
  { code: 'WI', name: 'Wisconsin', country: 'US', kind: 'state' },
  { code: 'WY', name: 'Wyoming', country: 'US', kind: 'state' },
  { code: 'PR', name: 'Puerto Rico', country: 'US', kind: 'territory' },
  { code: 'VI', name: 'the U.S. Virgin Islands', country: 'US', kind: 'territory', aliases: ['Virgin Islands', 'US Virgin Islands', 'USVI'] },
  { code: 'GU', name: 'Guam', country: 'US', kind: 'territory' },
  { code: 'AS', name: 'American Samoa', country: 'US', kind: 'territory' },
  { code: 'MP', name: 'the Northern Mariana Islands', country: 'US', kind: 'territory', aliases: ['Northern Mariana Islands', 'CNMI'] },
  { code: 'PW', name: 'Palau', country: 'US', kind: 'territory' },
  { code: 'FM', name: 'Micronesia', country: 'US', kind: 'territory', aliases: ['Federated States of Micronesia'] },
  { code: 'MH', name: 'the Marshall Islands', country: 'US', kind: 'territory', aliases: ['Marshall Islands'] },
  { code: 'AA', name: 'Armed Forces Americas', country: 'US', kind: 'military' },
  { code: 'AE', name: 'Armed Forces Europe', country: 'US', kind: 'military' },
  { code: 'AP', name: 'Armed Forces Pacific', country: 'US', kind: 'military' },
  { code: 'AB', name: 'Alberta', country: 'CA', kind: 'province', aliases: ['Alta'] },
  { code: 'BC', name: 'British Columbia', country: 'CA', kind: 'province', aliases: ['Colombie-Britannique'] },
  { code: 'MB', name: 'Manitoba', country: 'CA', kind: 'province' },
  { code: 'NB', name: 'New Brunswick', country: 'CA', kind: 'province', aliases: ['Nouveau-Brunswick'] },
  {
    code: 'NL',
    name: 'Newfoundland and Labrador',
    country: 'CA',
    kind: 'province',
    aliases: ['Newfoundland', 'Newfoundland & Labrador', 'Terre-Neuve-et-Labrador', 'NF', 'NFLD'],
  },
  { code: 'NS', name: 'Nova Scotia', country: 'CA', kind: 'province', aliases: ['Nouvelle-Écosse'] },
  { code: 'NT', name: 'the Northwest Territories', country: 'CA', kind: 'province', aliases: ['Northwest Territories', 'NWT', 'Territoires du Nord-Ouest'] },
  { code: 'NU', name: 'Nunavut', country: 'CA', kind: 'province' },
  { code: 'ON', name: 'Ontario', country: 'CA', kind: 'province', aliases: ['Ont'] },
  { code: 'PE', name: 'Prince Edward Island', country: 'CA', kind: 'province', aliases: ['PEI', 'Île-du-Prince-Édouard'] },
  { code: 'QC', name: 'Québec', country: 'CA', kind: 'province', aliases: ['PQ', 'Que'] },
  { code: 'SK', name: 'Saskatchewan', country: 'CA', kind: 'province', aliases: ['Sask'] },
  { code: 'YT', name: 'Yukon', country: 'CA', kind: 'province', aliases: ['Yukon Territory'] },
];

/**
 * Spanish names of the regions whose name differs in Spanish, as Spanish-speaking customers type them (accents are
 * ignored when matching, so "Nuevo Mexico" is found too). Only for reading: messages name a region as the address does.
 */
const SPANISH_NAMES: Readonly<Record<string, readonly string[]>> = {
  DC: ['Distrito de Columbia'],
  HI: ['Hawái'],
  LA: ['Luisiana'],
  MI: ['Míchigan'],
  MS: ['Misisipi', 'Misisipí'],
  MO: ['Misuri'],
  NJ: ['Nueva Jersey'],
  NM: ['Nuevo México'],
  NY: ['Nueva York', 'Estado de Nueva York'],
  NC: ['Carolina del Norte'],
  ND: ['Dakota del Norte'],
  OR: ['Oregón'],
  PA: ['Pensilvania'],
  SC: ['Carolina del Sur'],
  SD: ['Dakota del Sur'],
  TN: ['Tenesí'],
  WA: ['Estado de Washington'],
  WV: ['Virginia Occidental'],
  VI: ['Islas Vírgenes', 'Islas Vírgenes de los Estados Unidos', 'Islas Vírgenes de EE. UU.'],
  AS: ['Samoa Americana'],
  MP: ['Islas Marianas del Norte'],
  MH: ['Islas Marshall'],
  BC: ['Columbia Británica'],
  NB: ['Nuevo Brunswick'],
  NL: ['Terranova y Labrador', 'Terranova'],
  NS: ['Nueva Escocia'],
  NT: ['Territorios del Noroeste'],
  PE: ['Isla del Príncipe Eduardo'],
};

/** Lower case, accents and dots removed, hyphens and runs of spaces made single spaces: how names are compared. */
function regionKey(text: string): string {
  return foldForComparison(text)
    .replace(/[.ʻ'()]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

const BY_KEY: ReadonlyMap<string, Region> = new Map(
  REGIONS.flatMap((region) =>
    [region.code, region.name, region.name.replace(/^the /, ''), ...(region.aliases ?? []), ...(SPANISH_NAMES[region.code] ?? [])].map(
      (spelling) => [regionKey(spelling), region] as const,
    ),
  ),
);

const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((region) => [region.code, region]));

const MAX_WORDS_IN_A_SPELLING = Math.max(...[...BY_KEY.keys()].map((key) => key.split(' ').length));

/**
 * The region named by the last words of an address line ("… Springfield New York" → New York, 2 words), trying
 * the longest candidate first so that "West Virginia" is not read as "Virginia".
 */
export function regionAtEnd(words: readonly string[]): { region: Region; wordCount: number } | undefined {
  for (let count = Math.min(MAX_WORDS_IN_A_SPELLING, words.length); count >= 1; count -= 1) {
    const region = findRegion(words.slice(words.length - count).join(' '));
    if (region) return { region, wordCount: count };
  }
  return undefined;
}

/** The region a customer means by a code ("IL", "qc") or a name ("new york", "Québec"), if any. */
export function findRegion(text: string): Region | undefined {
  return BY_KEY.get(regionKey(text));
}

export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** "Illinois", "Québec": the name used in customer messages. */
export function regionDisplayName(region: Region): string {
  return region.kind === 'military' ? `${region.name} (${region.code})` : region.name;
}
