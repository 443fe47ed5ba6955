/**
 * Twilio's portability check: `GET {base}/v1/Porting/Portability/PhoneNumber/{E.164}` with the account SID and auth
 * token as basic auth, one number per call (the calls for one check run together, under one deadline). Besides
 * `portable` and why not, Twilio says whether the port needs the PIN and account number, and the number's type. The
 * response shape follows Twilio's published OpenAPI spec (numbers.v1.porting_portability), in which every property
 * may be null; the tests hold the local stand-in to that spec.
 */
import { z } from 'zod';
import type { E164, NotPortableReason, PortabilityVerdict, PortedNumberType } from '../domain';
import type { PortabilityChecker, PortabilityOutcome } from './portabilityChecker';
import { callProvider, type ProviderFailure } from './providerHttp';

const TWILIO_NUMBER_TYPES = ['LOCAL', 'UNKNOWN', 'MOBILE', 'TOLL-FREE'] as const;

export const TwilioPortabilitySchema = z.object({
  phone_number: z.string().nullish(),
  account_sid: z.string().nullish(),
  portable: z.boolean().nullish(),
  pin_and_account_number_required: z.boolean().nullish(),
  not_portable_reason: z.string().nullish(),
  not_portable_reason_code: z.number().int().nullish(),
  // A type added after this was written must not make the whole answer unreadable.
  number_type: z.enum(TWILIO_NUMBER_TYPES).nullish().catch(null),
  country: z.string().nullish(),
  url: z.string().nullish(),
});
export type TwilioPortability = z.infer<typeof TwilioPortabilitySchema>;

/**
 * Twilio's portability reasons (its documentation's table and error pages 22130–22137), by name and by code: the
 * code is the more stable of the two. A reason not listed is "unspecified" and logged.
 */
const REASONS_BY_NAME: Readonly<Record<string, NotPortableReason>> = {
  UNSUPPORTED: 'notCovered',
  ALREADY_IN_THE_TARGET_ACCOUNT: 'alreadyWithUs',
  ALREADY_IN_TWILIO_DIFFERENT_OWNER: 'heldElsewhere',
  MANUAL_PORTING_AVAILABLE: 'manualOnly',
};
const REASONS_BY_CODE: Readonly<Record<number, NotPortableReason>> = {
  22130: 'notCovered',
  22131: 'alreadyWithUs',
  22132: 'heldElsewhere',
  22133: 'manualOnly',
  22137: 'portInProgress',
};

const NUMBER_TYPES: Readonly<Record<(typeof TWILIO_NUMBER_TYPES)[number], PortedNumberType>> = {
  LOCAL: 'landline',
  MOBILE: 'mobile',
  'TOLL-FREE': 'tollFree',
  UNKNOWN: 'unknown',
};

function twilioReason(answer: TwilioPortability): NotPortableReason | undefined {
  // Twilio's port-in API takes no toll-free numbers, whatever reason it gives for one.
  if (answer.number_type === 'TOLL-FREE') return 'tollFree';
  const byName = answer.not_portable_reason ? REASONS_BY_NAME[answer.not_portable_reason.toUpperCase()] : undefined;
  const byCode = answer.not_portable_reason_code == null ? undefined : REASONS_BY_CODE[answer.not_portable_reason_code];
  return byCode ?? byName;
}

type NumberCheck =
  | { readonly ok: true; readonly verdict?: PortabilityVerdict; readonly unmapped?: string }
  | { readonly ok: false; readonly failure: ProviderFailure };

export interface TwilioSettings {
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly timeoutMs: number;
}

export class TwilioPortabilityChecker implements PortabilityChecker {
  readonly provider = 'twilio' as const;
  private readonly authorization: string;

  constructor(private readonly settings: TwilioSettings) {
    this.authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  }

  async check(numbers: readonly E164[]): Promise<PortabilityOutcome> {
    const signal = AbortSignal.timeout(this.settings.timeoutMs);
    const checks = await Promise.all(numbers.map((number) => this.checkOne(number, signal)));
    const verdicts = new Map<E164, PortabilityVerdict>();
    const unmappedReasons: string[] = [];
    for (const [index, check] of checks.entries()) {
      // One number that could not be checked makes the check as a whole unavailable: the log says why, once.
      if (!check.ok) return check;
      if (check.verdict) verdicts.set(numbers[index], check.verdict);
      if (check.unmapped !== undefined) unmappedReasons.push(check.unmapped);
    }
    return { ok: true, verdicts, unmappedReasons };
  }

  private async checkOne(number: E164, signal: AbortSignal): Promise<NumberCheck> {
    const response = await callProvider(
      `${this.settings.baseUrl}/v1/Porting/Portability/PhoneNumber/${encodeURIComponent(number)}`,
      { method: 'GET', headers: { authorization: this.authorization, accept: 'application/json' } },
      signal,
    );
    if (!response.ok) return response;
    const parsed = TwilioPortabilitySchema.safeParse(response.body);
    // Twilio's documentation says a number it cannot port may come back as 400 with the reason in the same shape.
    const notPortableAnswer = response.status === 400 && parsed.success && parsed.data.portable === false;
    if (response.status !== 200 && !notPortableAnswer) return { ok: false, failure: { kind: 'httpError', status: response.status } };
    if (!parsed.success) return { ok: false, failure: { kind: 'unreadable', status: response.status } };
    const answer = parsed.data;
    if (typeof answer.portable !== 'boolean') return { ok: true };
    const reason = answer.portable ? undefined : twilioReason(answer);
    const unmapped = !answer.portable && reason === undefined ? unmappedText(answer) : undefined;
    return {
      ok: true,
      verdict: {
        portable: answer.portable,
        ...(!answer.portable && { reason: reason ?? 'unspecified' }),
        ...(typeof answer.pin_and_account_number_required === 'boolean' && { pinRequired: answer.pin_and_account_number_required }),
        ...(answer.number_type && { numberType: NUMBER_TYPES[answer.number_type] }),
      },
      ...(unmapped !== undefined && { unmapped }),
    };
  }
}

/** Longer reasons are cut short in the log. */
const MAX_REASON_LENGTH = 100;

/** Twilio's reasons are names and numeric codes from its own table, never the customer's data: logged as they are. */
function unmappedText(answer: TwilioPortability): string {
  return ([answer.not_portable_reason, answer.not_portable_reason_code].filter((part) => part != null).join(' ') || '(none given)').slice(0, MAX_REASON_LENGTH);
}
