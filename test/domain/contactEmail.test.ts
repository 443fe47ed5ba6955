import fc from 'fast-check';
import { validateContactEmail } from '../../src/domain/contactEmail';

const RUNS = { numRuns: 300 };

describe('validateContactEmail', () => {
  it.each([
    ['maria@example.com', 'maria@example.com'],
    ['  Maria.Lopez@Example.COM  ', 'Maria.Lopez@example.com'],
    ['maria.lopez+port@gmail.com', 'maria.lopez+port@gmail.com'],
    ['o\'brien@company.co.uk', "o'brien@company.co.uk"],
    ['mailto:maria@example.com', 'maria@example.com'],
    ['<maria@example.com>', 'maria@example.com'],
    ['jp@xn--bcher-kva.de', 'jp@xn--bcher-kva.de'],
    ['ｍａｒｉａ@example.com', 'maria@example.com'],
    ['someone@rogers.com', 'someone@rogers.com'],
    ['a@b.co', 'a@b.co'],
  ])('accepts %j as %s', (raw, value) => {
    expect(validateContactEmail(raw)).toEqual({ ok: true, value, warnings: [] });
  });

  it.each([
    ['maria@gmial.com', 'maria@gmail.com'],
    ['maria@gmai.com', 'maria@gmail.com'],
    ['maria@gmail.co', 'maria@gmail.com'],
    ['maria@gmail.con', 'maria@gmail.com'],
    ['maria@hotmial.com', 'maria@hotmail.com'],
    ['maria@yaho.com', 'maria@yahoo.com'],
    ['maria@outlok.com', 'maria@outlook.com'],
    ['maria@iclod.com', 'maria@icloud.com'],
    ['maria@comcast.ent', 'maria@comcast.net'],
  ])('warns about a likely typo in %j', (raw, suggestion) => {
    expect(validateContactEmail(raw)).toEqual({
      ok: true,
      value: raw,
      warnings: [{ code: 'contact_email.domain_typo', message: `Did you mean “${suggestion}”? If not, carry on.` }],
    });
  });

  it.each([
    ['', 'contact_email.empty', /email address where we can send updates.*name@example.com/],
    ['maria lopez@gmail.com', 'contact_email.spaces', /can't contain spaces/],
    ['maria.gmail.com', 'contact_email.missing_at', /one @ between the name and the domain/],
    ['maria@@gmail.com', 'contact_email.missing_at', /one @/],
    ['@gmail.com', 'contact_email.missing_name', /part before the @ is missing/],
    ['maria@gmail', 'contact_email.incomplete_domain', /after the @ looks incomplete.*gmail.com/],
    ['maria@', 'contact_email.incomplete_domain', /after the @/],
    ['maria@gmail..com', 'contact_email.incomplete_domain', /after the @/],
    ['maria@sympatico.ca.', 'contact_email.incomplete_domain', /after the @/],
    ['maria..lopez@gmail.com', 'contact_email.invalid', /complete email address.*name@example.com/],
    ['maria@-gmail.com', 'contact_email.invalid', /complete email address/],
    ['josé@example.com', 'contact_email.invalid', /complete email address/],
    [`${'a'.repeat(250)}@example.com`, 'contact_email.too_long', /too long/],
  ])('refuses %j with %s', (raw, code, message) => {
    expect(validateContactEmail(raw)).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
  });

  it('never throws, and an accepted address validates to itself', () => {
    const emailish = fc.oneof(fc.emailAddress(), fc.string({ unit: 'grapheme-composite', maxLength: 80 }));
    fc.assert(
      fc.property(emailish, (raw) => {
        const first = validateContactEmail(raw);
        if (!first.ok) return true;
        const again = validateContactEmail(first.value);
        return again.ok && again.value === first.value;
      }),
      RUNS,
    );
  });
});
