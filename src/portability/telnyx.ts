/**
 * Telnyx's portability check: `POST {base}/portability_checks` with `{"phone_numbers": [...]}` and a bearer key
 * answers with one result per number (`portable`, `fast_portable`, `not_portable_reason`), all numbers in one call.
 * The response shape follows Telnyx's published OpenAPI spec (PortabilityCheckDetails); the tests hold the local
 * stand-in to that spec.
 */
import { z } from 'zod';
import type { E164, NotPortableReason, PortabilityVerdict } from '../domain';
import { scrubSecrets } from '../logging';
import type { PortabilityChecker, PortabilityOutcome } from './portabilityChecker';
import { callProvider } from './providerHttp';

/** One result. Every property is optional in the spec; a result without the number or `portable` is no verdict. */
export const TelnyxPortabilityResultSchema = z.object({
  phone_number: z.string().nullish(),
  portable: z.boolean().nullish(),
  fast_portable: z.boolean().nullish(),
  /** Free text ("No coverage"); an empty string when the number is portable. */
  not_portable_reason: z.string().nullish(),
  record_type: z.string().nullish(),
});
export const TelnyxPortabilityResponseSchema = z.object({ data: z.array(TelnyxPortabilityResultSchema) });
export type TelnyxPortabilityResponse = z.infer<typeof TelnyxPortabilityResponseSchema>;

/** The request body, as the spec's requestBody schema has it. */
export interface TelnyxPortabilityRequest {
  readonly phone_numbers: readonly E164[];
}

/**
 * Telnyx words its reasons as free text with no published list, so only what the words clearly say is mapped; the
 * rest is "unspecified" (and logged, so the table can grow).
 */
const REASON_PATTERNS: readonly (readonly [RegExp, NotPortableReason])[] = [
  [/toll[\s-]?free/i, 'tollFree'],
  [/coverage|rate[\s-]?cent(?:er|re)|unsupported|not supported/i, 'notCovered'],
  [/pending|in progress|already (?:being )?ported/i, 'portInProgress'],
];

function telnyxReason(text: string): NotPortableReason | undefined {
  return REASON_PATTERNS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Longer reasons are cut short in the log. */
const MAX_REASON_LENGTH = 100;

/** "+1 (312) 555-0123" and "+13125550123" are the same number. */
const digitsOf = (number: string): string => number.replace(/\D/g, '');

export interface TelnyxSettings {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
}

export class TelnyxPortabilityChecker implements PortabilityChecker {
  readonly provider = 'telnyx' as const;

  constructor(private readonly settings: TelnyxSettings) {}

  async check(numbers: readonly E164[]): Promise<PortabilityOutcome> {
    const body: TelnyxPortabilityRequest = { phone_numbers: numbers };
    const response = await callProvider(
      `${this.settings.baseUrl}/portability_checks`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${this.settings.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      },
      AbortSignal.timeout(this.settings.timeoutMs),
    );
    if (!response.ok) return response;
    // 201 Created is the published answer; 200 is taken too, as any success with the published body.
    if (response.status < 200 || response.status > 299) return { ok: false, failure: { kind: 'httpError', status: response.status } };
    const parsed = TelnyxPortabilityResponseSchema.safeParse(response.body);
    if (!parsed.success) return { ok: false, failure: { kind: 'unreadable', status: response.status } };

    const asked = new Map(numbers.map((number) => [digitsOf(number), number]));
    const verdicts = new Map<E164, PortabilityVerdict>();
    const unmappedReasons: string[] = [];
    for (const result of parsed.data.data) {
      const number = result.phone_number ? asked.get(digitsOf(result.phone_number)) : undefined;
      if (number === undefined || typeof result.portable !== 'boolean') continue;
      const text = result.not_portable_reason ?? '';
      const reason = result.portable ? undefined : telnyxReason(text);
      if (!result.portable && reason === undefined && text !== '') unmappedReasons.push(scrubSecrets(text.slice(0, MAX_REASON_LENGTH)));
      verdicts.set(number, {
        portable: result.portable,
        ...(!result.portable && { reason: reason ?? 'unspecified' }),
        ...(typeof result.fast_portable === 'boolean' && { fastPortable: result.fast_portable }),
      });
    }
    return { ok: true, verdicts, unmappedReasons };
  }
}
