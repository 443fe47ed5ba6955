/**
 * The carrier customers move to in the tests (CARRIER_NAME): not the demo default, so a test that finds it knows it
 * came from the configuration, and with an ampersand, which HTML must escape and the letter must print as it is.
 */
export const NEW_CARRIER = { name: 'Northwind & Co. Mobile' } as const;
