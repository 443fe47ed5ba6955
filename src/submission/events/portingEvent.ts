/**
 * The events the porting backend sends the bot about a port request (`POST /api/porting/events`), signed like the
 * submissions it receives. See docs/porting-events.md for the contract.
 */
import { z } from 'zod';
import { normalizeReferenceNumber } from '../../domain/referenceNumber';
import { REJECTION_CODE_PATTERN } from '../../domain/rejectionReasons';

/** Where a submitted port request stands at the porting backend and the carriers. */
export const PORT_STATES = ['submitted', 'pending', 'foc_confirmed', 'completed', 'rejected', 'cancelled'] as const;
export const PortStateSchema = z.enum(PORT_STATES);
export type PortState = z.infer<typeof PortStateSchema>;

const ReferenceNumberSchema = z.string().transform((raw, ctx) => {
  const canonical = normalizeReferenceNumber(raw);
  if (canonical === undefined) ctx.addIssue({ code: 'custom', message: 'must be a reference number the bot issued, such as PA-7KX4-M9Q2-TDX' });
  return canonical ?? z.NEVER;
});

const eventFields = {
  /** Unique per event; the same event sent again carries the same id. */
  eventId: z.string().min(1).max(200),
  referenceNumber: ReferenceNumberSchema,
  /** The LOA version (the request's `version`) the event is about. */
  version: z.int().min(1),
  /** Grows with every event about the reference, so that the bot can tell a late event from a new one. */
  sequence: z.int().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
};

export const PortingEventSchema = z.discriminatedUnion('state', [
  z.object({ ...eventFields, state: z.enum(['submitted', 'pending', 'completed', 'cancelled']) }),
  /** The Firm Order Commitment: the day the numbers move. */
  z.object({ ...eventFields, state: z.literal('foc_confirmed'), focDate: z.iso.date() }),
  /** The provider's reason code (see src/domain/rejectionReasons.ts); unknown codes are taken and go to a person. */
  z.object({ ...eventFields, state: z.literal('rejected'), reasonCode: z.string().regex(REJECTION_CODE_PATTERN) }),
]);
export type PortingEvent = z.infer<typeof PortingEventSchema>;
