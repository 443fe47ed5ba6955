/**
 * The Spanish sentences whose words change with the values put into them: each reads correctly for one and for
 * several, for a known and an unknown name (from the native speaker's review of the Spanish).
 */
import { askFieldText } from '../../dialogs/text/askFieldText';
import { handoffText } from '../../dialogs/text/handoffText';
import { portabilityText } from '../../dialogs/text/portabilityText';
import { GENERIC_CARRIER } from '../../src/domain/carriers';
import { validateServiceAddress } from '../../src/domain/address';
import type { FieldResult } from '../../src/domain/fieldResult';
import { validateNumbersToPort } from '../../src/domain/phoneNumbers';
import { pinExpiryNotice } from '../../src/domain/pin';
import { inLanguage } from '../../src/i18n/language';
import { att, ref } from '../domain/carrierRefs';

const es = <T>(say: () => T): T => inLanguage('es', say);
const messagesOf = (result: FieldResult<unknown>) => (result.ok ? '' : result.error.message);

describe('Spanish sentences that depend on their values', () => {
  it('says how long the wait is without "unos un minuto"', () => {
    expect(es(() => handoffText.finding(1, 1))).toContain('Por lo general tarda alrededor de un minuto.');
    expect(es(() => handoffText.finding(5, 2))).toContain('Por lo general tarda unos 5 minutos (usted es el número 2 en la fila).');
  });

  it('tells plainly that the PIN is never shared with the person who joins', () => {
    expect(es(() => handoffText.finding(3, 1))).toContain('Su PIN nunca se comparte.');
  });

  it('gives a PIN\'s lifetime in hours or days with the article that agrees ("unas 24 horas", "unos 14 días")', () => {
    expect(es(() => pinExpiryNotice(ref('xfinity-mobile')))).toMatch(/suele durar unas 24 horas, así que/);
    expect(es(() => pinExpiryNotice(att))).toMatch(/suele durar unos 4 días \(unos 14 días en una cuenta de negocios\)/);
  });

  it('names the countries without a double period after "EE. UU."', () => {
    const one = es(() => messagesOf(validateNumbersToPort('+44 20 7946 0958', { countries: ['US'], maxNumbersPerRequest: 20 })));
    expect(one).toContain('de EE. UU., así que no lo incluya, por favor.');
    expect(one).not.toContain('..');
    const two = es(() => messagesOf(validateNumbersToPort('+44 20 7946 0958, +44 20 7946 0959', { countries: ['US'], maxNumbersPerRequest: 20 })));
    expect(two).toContain('así que no los incluya, por favor.');
  });

  it('asks for the authorized person "del negocio" when the business has no name yet, and for that person\'s name', () => {
    const rules = GENERIC_CARRIER;
    expect(es(() => askFieldText.question.authorizedPerson({ rules }))).toBe(
      '¿Quién está autorizado para firmar en nombre del negocio? Escriba el nombre y apellido de esa persona.',
    );
    expect(es(() => askFieldText.question.authorizedPerson({ rules, business: 'Taller Ruiz LLC' }))).toMatch(/^¿Quién está autorizado para firmar en nombre de Taller Ruiz LLC\?/);
  });

  it('makes the verb agree with the numbers a check refused for no given reason', () => {
    expect(es(() => portabilityText.reasons.unspecified('(305) 555-0163', false))).toBe(
      'Según nuestra verificación, el número (305) 555-0163 no se puede transferir a nuestra compañía en este momento.',
    );
    expect(es(() => portabilityText.reasons.unspecified('(305) 555-0163 y (305) 555-0164', true))).toMatch(/los números .* no se pueden transferir/);
  });

  it('says what an address lacks with "falta"/"faltan", not "No encontré … o …"', () => {
    expect(es(() => messagesOf(validateServiceAddress('742 SW 8th St')))).toMatch(/^En esa dirección faltan .* y /);
  });
});
