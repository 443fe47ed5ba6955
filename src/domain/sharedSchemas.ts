import { z } from 'zod';
import type { CarrierRef } from './carriers';
import type { HolderName } from './holderName';
import { PORTING_COUNTRIES, type PortingCountry } from './phoneNumbers';

/**
 * Zod schemas for the values the field validators produce, so that the assembled port request and the LOA can be
 * checked as a whole. `satisfies` ties each one to the validator's own type: if that type changes, this fails to compile.
 */
export const PortingCountrySchema = z.enum(PORTING_COUNTRIES) satisfies z.ZodType<PortingCountry>;

/** A NANP number in E.164: +1, then NPA-NXX-XXXX with N in 2–9. */
export const NanpE164Schema = z.string().regex(/^\+1[2-9]\d{2}[2-9]\d{6}$/, 'a US or Canadian number in E.164 form');

export const CarrierRefSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  known: z.boolean(),
}) satisfies z.ZodType<CarrierRef>;

export const HolderNameSchema = z.object({
  kind: z.enum(['person', 'business']),
  fullName: z.string().min(1),
  firstName: z.string().min(1).optional(),
  lastName: z.string().min(1).optional(),
}) satisfies z.ZodType<HolderName>;
