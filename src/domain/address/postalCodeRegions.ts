/**
 * The first three digits of a US ZIP code name the USPS sectional center facility (SCF) that serves it, and every
 * SCF lies in one state. Ranges are [first prefix, last prefix, region code], from the USPS 3-digit ZIP prefix
 * assignments (Domestic Mail Manual L002). Prefixes inside a state's range that USPS has not assigned are left
 * in the range: that costs nothing, because a ZIP that does not exist cannot match the customer's bill anyway.
 * Prefixes shared by more than one region are listed once per region (967: Hawaii and American Samoa;
 * 969: Guam and the Pacific freely associated states).
 */
export const US_ZIP_PREFIX_RANGES: readonly (readonly [number, number, string])[] = [
  [5, 5, 'NY'], // Holtsville IRS
  [6, 7, 'PR'],
  [8, 8, 'VI'],
  [9, 9, 'PR'],
  [10, 27, 'MA'],
  [28, 29, 'RI'],
  [30, 38, 'NH'],
  [39, 49, 'ME'],
  [50, 54, 'VT'],
  [55, 55, 'MA'], // Andover IRS
  [56, 59, 'VT'],
  [60, 69, 'CT'],
  [70, 89, 'NJ'],
  [90, 99, 'AE'],
  [100, 149, 'NY'],
  [150, 196, 'PA'],
  [197, 199, 'DE'],
  [200, 200, 'DC'],
  [201, 201, 'VA'], // Dulles
  [202, 205, 'DC'],
  [206, 219, 'MD'],
  [220, 246, 'VA'],
  [247, 268, 'WV'],
  [270, 289, 'NC'],
  [290, 299, 'SC'],
  [300, 319, 'GA'],
  [320, 339, 'FL'],
  [340, 340, 'AA'],
  [341, 349, 'FL'],
  [350, 369, 'AL'],
  [370, 385, 'TN'],
  [386, 397, 'MS'],
  [398, 399, 'GA'],
  [400, 427, 'KY'],
  [430, 459, 'OH'],
  [460, 479, 'IN'],
  [480, 499, 'MI'],
  [500, 528, 'IA'],
  [530, 549, 'WI'],
  [550, 567, 'MN'],
  [569, 569, 'DC'],
  [570, 577, 'SD'],
  [580, 588, 'ND'],
  [590, 599, 'MT'],
  [600, 629, 'IL'],
  [630, 658, 'MO'],
  [660, 679, 'KS'],
  [680, 693, 'NE'],
  [700, 714, 'LA'],
  [716, 729, 'AR'],
  [730, 732, 'OK'],
  [733, 733, 'TX'], // Austin IRS
  [734, 749, 'OK'],
  [750, 799, 'TX'],
  [800, 816, 'CO'],
  [820, 831, 'WY'],
  [832, 838, 'ID'],
  [840, 847, 'UT'],
  [850, 865, 'AZ'],
  [870, 884, 'NM'],
  [885, 885, 'TX'], // El Paso
  [889, 898, 'NV'],
  [900, 961, 'CA'],
  [962, 966, 'AP'],
  [967, 968, 'HI'],
  [967, 967, 'AS'],
  [969, 969, 'GU'],
  [969, 969, 'MP'],
  [969, 969, 'PW'],
  [969, 969, 'FM'],
  [969, 969, 'MH'],
  [970, 979, 'OR'],
  [980, 994, 'WA'],
  [995, 999, 'AK'],
];

/**
 * The few ZIP codes whose delivery area straddles a state line, so that either state is right
 * (e.g. Fort Campbell, KY/TN; Texhoma, OK/TX). Only ever widens what is accepted.
 */
export const US_ZIPS_IN_TWO_STATES: Readonly<Record<string, readonly string[]>> = {
  '20135': ['VA', 'WV'],
  '42223': ['KY', 'TN'],
  '59221': ['MT', 'ND'],
  '71749': ['AR', 'LA'],
  '73949': ['OK', 'TX'],
  '84536': ['UT', 'AZ'],
  '86515': ['AZ', 'NM'],
  '89439': ['NV', 'CA'],
  '97635': ['OR', 'CA'],
};

/**
 * Canada Post's forward sortation areas begin with a letter that names the province or territory
 * (X covers both the Northwest Territories and Nunavut).
 */
export const CA_POSTAL_FIRST_LETTER: Readonly<Record<string, readonly string[]>> = {
  A: ['NL'],
  B: ['NS'],
  C: ['PE'],
  E: ['NB'],
  G: ['QC'],
  H: ['QC'],
  J: ['QC'],
  K: ['ON'],
  L: ['ON'],
  M: ['ON'],
  N: ['ON'],
  P: ['ON'],
  R: ['MB'],
  S: ['SK'],
  T: ['AB'],
  V: ['BC'],
  X: ['NT', 'NU'],
  Y: ['YT'],
};
