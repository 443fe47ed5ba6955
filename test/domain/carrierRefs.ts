import { type CarrierRef, carrierRef, getCarrier } from '../../src/domain/carriers';

/** The reference a validator gets for a catalogued carrier; fails the test at once if the id is not catalogued. */
export function ref(id: string): CarrierRef {
  const carrier = getCarrier(id);
  if (!carrier) throw new Error(`no carrier ${id}`);
  return carrierRef(carrier);
}

export const verizon = ref('verizon');
export const tmobile = ref('tmobile');
export const att = ref('att');
export const usCellular = ref('us-cellular');
export const xfinityVoice = ref('xfinity-voice');
export const rogers = ref('rogers');
