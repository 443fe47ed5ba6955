import type { RejectionReason } from '../../domain/rejectionReasons';
import type { PortState } from '../events/portingEvent';

/** A change in a port request's state that the customer is told about, in their own conversation. */
export interface PortNotice {
  readonly referenceNumber: string;
  /** The LOA version the change is about: the latest one the customer signed. */
  readonly version: number;
  readonly state: PortState;
  /** The customer's current (losing) carrier. */
  readonly carrier: string;
  /** The numbers being moved, in E.164. */
  readonly numbers: readonly string[];
  /** With `foc_confirmed`: the day the numbers move (YYYY-MM-DD). */
  readonly focDate?: string;
  /** With `rejected`. */
  readonly reason?: RejectionReason;
  /** Where the customer asked for news by email when they signed; requests stored before it was asked lack it. */
  readonly contactEmail?: string;
}
