import { listCarriers, GENERIC_CARRIER, portOutLockOf, unknownCarrierRef } from '../../src/domain/carriers';
import { isPinExpired, pinValidity } from '../../src/domain/pinLifetime';
import { att, ref, rogers, tmobile, verizon } from './carrierRefs';

const GIVEN = new Date('2026-12-07T18:00:00.000Z');
const hoursLater = (hours: number) => new Date(GIVEN.getTime() + hours * 3_600_000);

describe('pinValidity', () => {
  it.each([
    [verizon, 168],
    [tmobile, 168],
    [att, 96],
    [ref('xfinity-mobile'), 24],
  ])('counts %o\'s PIN lifetime from when the customer gave it', (carrier, hours) => {
    expect(pinValidity(carrier, GIVEN)).toEqual({ until: hoursLater(hours), hours, confirmed: false });
  });

  it("gives an AT&T business account its own, longer lifetime, and a personal (or not yet known) one the shorter", () => {
    expect(pinValidity(att, GIVEN, { kind: 'business' })?.hours).toBe(336);
    expect(pinValidity(att, GIVEN, { kind: 'person' })?.hours).toBe(96);
    expect(pinValidity(att, GIVEN)?.hours).toBe(96);
    expect(pinValidity(verizon, GIVEN, { kind: 'business' })?.hours).toBe(168);
  });

  it('knows no lifetime for carriers whose PINs are not known to expire, nor for a carrier it does not know', () => {
    expect(pinValidity(rogers, GIVEN)).toBeUndefined();
    expect(pinValidity(unknownCarrierRef('Local Telco'), GIVEN)).toBeUndefined();
    expect(pinValidity(undefined, GIVEN)).toBeUndefined();
  });
});

describe('isPinExpired', () => {
  it('is false until the lifetime has passed, and true from then on', () => {
    expect(isPinExpired(verizon, GIVEN, hoursLater(167))).toBe(false);
    expect(isPinExpired(verizon, GIVEN, hoursLater(168))).toBe(true);
    expect(isPinExpired(att, GIVEN, hoursLater(100), { kind: 'business' })).toBe(false);
    expect(isPinExpired(att, GIVEN, hoursLater(100), { kind: 'person' })).toBe(true);
  });

  it('never expires a PIN whose lifetime is unknown', () => {
    expect(isPinExpired(rogers, GIVEN, hoursLater(10_000))).toBe(false);
  });
});

describe('the carrier directory says which facts are confirmed, and where each comes from', () => {
  const carriers = [GENERIC_CARRIER, ...listCarriers()];

  it('gives every rule, PIN lifetime and lock its confirmation and source', () => {
    for (const carrier of carriers) {
      const facts = [carrier.accountNumber, carrier.pin, carrier.pin.lifetime, carrier.accountNumber.phoneNumberIsAccount, carrier.portOutLock];
      for (const fact of facts.filter((found) => found !== undefined)) {
        expect(fact).toEqual(expect.objectContaining({ confirmed: expect.any(Boolean), source: expect.stringMatching(/\S/) }));
      }
    }
  });

  it('confirms only what the carrier itself, or porting-facts.md without a mark, states', () => {
    const confirmed = carriers.flatMap((carrier) =>
      [
        ['account number', carrier.accountNumber] as const,
        ['prepaid account number', carrier.accountNumber.phoneNumberIsAccount] as const,
        ['PIN', carrier.pin] as const,
        ['PIN lifetime', carrier.pin.lifetime] as const,
        ['port-out lock', carrier.portOutLock] as const,
      ]
        .filter(([, fact]) => fact?.confirmed === true)
        .map(([what]) => `${carrier.id} ${what}`),
    );
    expect(confirmed).toEqual(['verizon account number', 'verizon port-out lock', 'tmobile port-out lock']);
  });

  it('names the port-out locks customers run into', () => {
    expect(portOutLockOf(verizon)?.name).toBe('Number Lock');
    expect(portOutLockOf(tmobile)?.name).toBe('Port Out Protection');
    expect(portOutLockOf(att)?.name).toBe('Wireless Account Lock');
    expect(portOutLockOf(ref('google-fi'))?.name).toBe('Number Lock');
    expect(portOutLockOf(rogers)).toBeUndefined();
    expect(portOutLockOf(unknownCarrierRef('Local Telco'))).toBeUndefined();
  });
});
