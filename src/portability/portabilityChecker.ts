/**
 * The porting provider's portability check, behind one interface: the conversation asks whether numbers can move to
 * us and gets a verdict per number in our own terms (src/domain/portability.ts), or a failure that says why the check
 * could not be made. PORTABILITY_PROVIDER picks the provider; with none there is no checker and no check.
 */
import type { E164, PortabilityVerdict } from '../domain';
import type { ProviderFailure } from './providerHttp';
import { TelnyxPortabilityChecker } from './telnyx';
import { TwilioPortabilityChecker } from './twilio';

export const PORTABILITY_PROVIDERS = ['none', 'telnyx', 'twilio'] as const;
export type PortabilityProviderSetting = (typeof PORTABILITY_PROVIDERS)[number];
export type PortabilityProvider = Exclude<PortabilityProviderSetting, 'none'>;

export type PortabilityOutcome =
  | {
      readonly ok: true;
      /** A verdict for each number the provider answered for; a number it left out has none. */
      readonly verdicts: ReadonlyMap<E164, PortabilityVerdict>;
      /** The provider's own reasons that we have no plain words for, for the log (digits removed). */
      readonly unmappedReasons: readonly string[];
    }
  | { readonly ok: false; readonly failure: ProviderFailure };

export interface PortabilityChecker {
  readonly provider: PortabilityProvider;
  /** Never throws: a provider that is down, slow or refuses the key gives a failure, and the customer carries on. */
  check(numbers: readonly E164[]): Promise<PortabilityOutcome>;
}

/** What createPortabilityChecker reads: the `portability` settings of src/config/settings.ts. */
export interface PortabilitySettings {
  readonly provider: PortabilityProviderSetting;
  /** How long one check may take, all of its requests together. */
  readonly timeoutMs: number;
  readonly telnyxBaseUrl: string;
  readonly telnyxApiKey?: string;
  readonly twilioBaseUrl: string;
  readonly twilioAccountSid?: string;
  readonly twilioAuthToken?: string;
}

/** The checker PORTABILITY_PROVIDER names, or undefined for none. The configuration has checked its keys are set. */
export function createPortabilityChecker(settings: PortabilitySettings): PortabilityChecker | undefined {
  switch (settings.provider) {
    case 'none':
      return undefined;
    case 'telnyx':
      return new TelnyxPortabilityChecker({
        baseUrl: settings.telnyxBaseUrl,
        apiKey: required(settings.telnyxApiKey, 'TELNYX_API_KEY'),
        timeoutMs: settings.timeoutMs,
      });
    case 'twilio':
      return new TwilioPortabilityChecker({
        baseUrl: settings.twilioBaseUrl,
        accountSid: required(settings.twilioAccountSid, 'TWILIO_ACCOUNT_SID'),
        authToken: required(settings.twilioAuthToken, 'TWILIO_AUTH_TOKEN'),
        timeoutMs: settings.timeoutMs,
      });
  }
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`${name} is required for the portability check.`);
  return value;
}
