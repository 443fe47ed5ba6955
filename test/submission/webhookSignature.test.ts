import { signBody, verifySignature } from '../../src/submission';

const SECRET = 'a-shared-secret-of-enough-length-0123456789';
const BODY = Buffer.from('{"request":{"referenceNumber":"PA-7KX4-M9Q2-TDX"}}');

describe('webhook signatures', () => {
  it('verifies the signature of exactly the bytes that were signed', () => {
    const header = signBody(BODY, SECRET);

    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(BODY, header, SECRET)).toBe(true);
    expect(verifySignature(BODY.toString('utf8'), header.toUpperCase().replace('SHA256=', 'sha256='), SECRET)).toBe(true);
  });

  it('refuses a changed body, another secret, a missing, truncated or malformed header', () => {
    const header = signBody(BODY, SECRET);

    expect(verifySignature(Buffer.from(`${BODY.toString()} `), header, SECRET)).toBe(false);
    expect(verifySignature(BODY, header, `${SECRET}x`)).toBe(false);
    expect(verifySignature(BODY, undefined, SECRET)).toBe(false);
    expect(verifySignature(BODY, header.slice(0, -2), SECRET)).toBe(false);
    expect(verifySignature(BODY, header.replace('sha256=', ''), SECRET)).toBe(false);
  });
});
