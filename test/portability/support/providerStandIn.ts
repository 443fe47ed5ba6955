/**
 * A local stand-in for the porting providers' portability APIs: Telnyx's `POST /v2/portability_checks` and Twilio's
 * `GET /v1/Porting/Portability/PhoneNumber/{E.164}`, on 127.0.0.1 and a free port. It answers in the published shapes,
 * and checks every answer (and our client's request) against the providers' specs before sending it: a problem is
 * recorded in `contractProblems` (tests expect none) and the answer is a 500, so a stand-in that drifted from the
 * contract fails the test rather than teach the client a shape the provider never sends.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProviderContracts } from './providerContracts';

export const TELNYX_KEY = 'KEYtelnyx-stand-in-secret-0123456789';
export const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_TOKEN = 'twilio-stand-in-auth-token-0123456789';

/** What the stand-in says about one number; a number it has not been told about is portable. */
export interface NumberFacts {
  readonly portable: boolean;
  /** Telnyx: the free-text reason ("No coverage"). */
  readonly telnyxReason?: string;
  readonly fastPortable?: boolean;
  /** Twilio: the reason and its code, as in Twilio's table. */
  readonly twilioReason?: { readonly name: string; readonly code: number };
  readonly pinRequired?: boolean;
  readonly numberType?: 'LOCAL' | 'MOBILE' | 'TOLL-FREE' | 'UNKNOWN';
  /**
   * Twilio's documentation also describes a number it cannot port coming back as 400 with the same body; the body is
   * still checked against the spec's (200) schema, the only one it publishes for it.
   */
  readonly twilioStatus?: 200 | 400;
}

/** How the stand-in behaves: answering, refusing the key whatever it is, too slow, or failing. */
export type StandInMode = 'answer' | 'unauthorized' | 'slow' | 'serverError';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

let contracts: ProviderContracts | undefined;

export class ProviderStandIn {
  readonly facts = new Map<string, NumberFacts>();
  readonly requests: RecordedRequest[] = [];
  /** Where an answer or a request broke the providers' specs. */
  readonly contractProblems: string[] = [];
  mode: StandInMode = 'answer';
  /** How long a 'slow' answer takes. */
  slowMs = 5_000;
  private readonly contracts: ProviderContracts;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    contracts ??= new ProviderContracts();
    this.contracts = contracts;
  }

  static async start(): Promise<ProviderStandIn> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const standIn = new ProviderStandIn(server, `http://127.0.0.1:${port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => void standIn.handle(request, response));
    return standIn;
  }

  /** An address where nothing listens: a provider that is down. */
  static async downUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((done) => server.close(() => done()));
    return `http://127.0.0.1:${port}`;
  }

  get telnyxBaseUrl(): string {
    return `${this.url}/v2`;
  }

  get twilioBaseUrl(): string {
    return this.url;
  }

  /** The environment that points the application at this stand-in as Telnyx. */
  telnyxEnv(): Record<string, string> {
    return { PORTABILITY_PROVIDER: 'telnyx', TELNYX_API_BASE_URL: this.telnyxBaseUrl, TELNYX_API_KEY: TELNYX_KEY };
  }

  set(number: string, facts: NumberFacts): this {
    this.facts.set(number, facts);
    return this;
  }

  reset(): void {
    this.facts.clear();
    this.requests.length = 0;
    this.contractProblems.length = 0;
    this.mode = 'answer';
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    this.requests.push({ method: request.method ?? '', path, authorization: request.headers.authorization, body: Buffer.concat(chunks).toString() });
    if (this.mode === 'slow') await this.stall(response);
    if (response.destroyed) return;
    if (this.mode === 'serverError') return send(response, 500, { errors: [{ code: '10007', title: 'Unexpected error' }] });

    if (request.method === 'POST' && path === '/v2/portability_checks') return this.telnyx(request, response, this.requests.at(-1)?.body ?? '');
    const twilio = /^\/v1\/Porting\/Portability\/PhoneNumber\/([^/?]+)$/.exec(path);
    if (request.method === 'GET' && twilio) return this.twilio(request, response, decodeURIComponent(twilio[1]));
    send(response, 404, { message: 'not found' });
  }

  /** Waits `slowMs`, or until the client gives up, so that nothing is left running when a test ends. */
  private stall(response: ServerResponse): Promise<void> {
    return new Promise((done) => {
      const timer = setTimeout(done, this.slowMs);
      response.once('close', () => {
        clearTimeout(timer);
        done();
      });
    });
  }

  private telnyx(request: IncomingMessage, response: ServerResponse, raw: string): void {
    if (this.mode === 'unauthorized' || request.headers.authorization !== `Bearer ${TELNYX_KEY}`) {
      return send(response, 401, { errors: [{ code: '10009', title: 'Authentication failed' }] });
    }
    const body = JSON.parse(raw) as { phone_numbers?: string[] };
    this.expectKept('Telnyx request', this.contracts.telnyxRequestProblems(body));
    const data = (body.phone_numbers ?? []).map((number) => {
      const facts = this.facts.get(number) ?? { portable: true };
      return {
        record_type: 'portability_check_result',
        phone_number: number,
        portable: facts.portable,
        fast_portable: facts.fastPortable ?? false,
        not_portable_reason: facts.portable ? '' : (facts.telnyxReason ?? 'Not portable'),
      };
    });
    this.answer(response, 201, { data }, this.contracts.telnyxResponseProblems({ data }), 'Telnyx answer');
  }

  private twilio(request: IncomingMessage, response: ServerResponse, number: string): void {
    const expected = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
    if (this.mode === 'unauthorized' || request.headers.authorization !== expected) {
      return send(response, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    this.expectKept('Twilio path parameter', this.contracts.twilioPhoneNumberProblems(number));
    const facts = this.facts.get(number) ?? { portable: true };
    const body = {
      phone_number: number,
      account_sid: null,
      portable: facts.portable,
      pin_and_account_number_required: facts.pinRequired ?? true,
      not_portable_reason: facts.portable ? null : (facts.twilioReason?.name ?? null),
      not_portable_reason_code: facts.portable ? null : (facts.twilioReason?.code ?? null),
      number_type: facts.numberType ?? 'LOCAL',
      country: 'US',
      url: `https://numbers.twilio.com/v1/Porting/Portability/PhoneNumber/${number}`,
    };
    this.answer(response, facts.twilioStatus ?? 200, body, this.contracts.twilioResponseProblems(body), 'Twilio answer');
  }

  private expectKept(what: string, problems: readonly string[]): void {
    for (const problem of problems) this.contractProblems.push(`${what}: ${problem}`);
  }

  private answer(response: ServerResponse, status: number, body: unknown, problems: readonly string[], what: string): void {
    this.expectKept(what, problems);
    if (problems.length > 0) return send(response, 500, { standIn: 'answer broke the published schema', problems });
    send(response, status, body);
  }
}

/** Without writeHead's return value: restify, loaded by the tests that run the whole application, patches writeHead. */
function send(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
}
