import {
  type CsrDraft,
  type PortabilityVerdict,
  buildPortRequest,
  fieldsToCorrect,
  isPinNeeded,
  missingFields,
  pinWaivedByCheck,
  rejectionReason,
  screenNumbers,
  validateCsrField,
} from '../../src/domain';
import { completeVerizonDraft, draftFrom } from '../support/drafts';

const A = '+14155550123';
const B = '+14155550124';

const verdicts =
  (table: Record<string, PortabilityVerdict>) =>
  (number: string): PortabilityVerdict | undefined =>
    table[number];

describe('screenNumbers', () => {
  it('keeps the numbers that may move, with their verdicts, and names those that cannot with the reason', () => {
    const screen = screenNumbers({ country: 'US', numbers: [A, B] }, verdicts({ [A]: { portable: true, pinRequired: false }, [B]: { portable: false, reason: 'notCovered' } }));
    expect(screen).toEqual({ kept: { country: 'US', numbers: [A], portability: { [A]: { portable: true, pinRequired: false } } }, refused: [{ number: B, reason: 'notCovered' }] });
  });

  it('keeps a number the check did not answer for, and keeps nothing when none can move', () => {
    expect(screenNumbers({ country: 'US', numbers: [A, B] }, verdicts({}))).toEqual({ kept: { country: 'US', numbers: [A, B] }, refused: [] });
    expect(screenNumbers({ country: 'US', numbers: [A] }, verdicts({ [A]: { portable: false } }))).toEqual({ refused: [{ number: A, reason: 'unspecified' }] });
  });
});

describe('the PIN, where the provider says none is needed', () => {
  const waived = (draft: CsrDraft, pinRequired: Record<string, boolean>): CsrDraft => ({
    ...draft,
    numbers: {
      ...draft.numbers!,
      portability: Object.fromEntries(Object.entries(pinRequired).map(([number, required]) => [number, { portable: true, pinRequired: required }])),
    },
  });

  it('is waived only when every number was checked and needs none', () => {
    const verizon = draftFrom({ numbers: '415-555-0123, 415-555-0124', carrier: 'Verizon' });
    expect(isPinNeeded(verizon)).toBe(true);
    expect(pinWaivedByCheck(waived(verizon, { [A]: false, [B]: false }).numbers)).toBe(true);
    expect(isPinNeeded(waived(verizon, { [A]: false, [B]: false }))).toBe(false);
    expect(isPinNeeded(waived(verizon, { [A]: false, [B]: true }))).toBe(true);
    expect(isPinNeeded(waived(verizon, { [A]: false }))).toBe(true);
  });

  it('is not asked, "none" (or a blank form input) is an answer, and the request goes without it', () => {
    const { pin: _pin, ...withoutPin } = completeVerizonDraft();
    expect(missingFields(withoutPin)).toEqual(['pin']);
    const draft = waived(withoutPin, { [A]: false, [B]: false });
    expect(missingFields(draft)).toEqual([]);
    expect(validateCsrField('pin', '', withoutPin).ok).toBe(false);
    expect(validateCsrField('pin', '', draft)).toEqual({ ok: true, value: '', warnings: [] });

    const built = buildPortRequest(draft);
    expect(built.ok && built.request.pin).toBeUndefined();
    expect(built.ok && built.request.pinWaivedByCheck).toBe(true);
    expect(buildPortRequest(withoutPin).ok).toBe(false);
    // A correction after a rejection does not ask for a PIN the port does not need.
    expect(fieldsToCorrect(rejectionReason('INVALID_ADDRESS'), draft)).toEqual(['serviceAddress']);
    expect(fieldsToCorrect(rejectionReason('INVALID_ADDRESS'), withoutPin)).toEqual(['serviceAddress', 'pin']);
  });
});
