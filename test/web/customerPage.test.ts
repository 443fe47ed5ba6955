import { customerPageHtml } from '../../src/hosting/webChat';
import { NEW_CARRIER } from '../support/newCarrier';
import { startTestApp, type TestApp } from '../support/testApp';

/** The "Bring your number" page names the carrier customers move to (CARRIER_NAME), filled in by the server. */
describe('the customer page', () => {
  it('fills every slot with the name, escaped for HTML text and attributes, and read as no replacement pattern', () => {
    const template = '<title>To {{newCarrier}}</title><meta content="Move to {{newCarrier}}" /><p>{{newCarrier}}.</p>';

    expect(customerPageHtml(template, `<script>alert("x")</script> & 'co' $& $'`)).toBe(
      '<title>To &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; $&amp; $&#39;</title>' +
        '<meta content="Move to &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; $&amp; $&#39;" />' +
        '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39; $&amp; $&#39;.</p>',
    );
  });

  describe('as served', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp();
    });

    afterAll(async () => {
      await app?.close();
    });

    it("names the configured carrier in the title, description, tagline and introduction, and leaves no slot empty", async () => {
      const response = await fetch(`${app.url}/`);
      const html = await response.text();
      const named = 'Northwind &amp; Co. Mobile';

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self';");
      expect(html).toContain(`<title>Bring your number to ${named} — Porting Assistant</title>`);
      expect(html).toContain(`content="Move your phone number to ${named} with the Porting Assistant`);
      expect(html).toContain(`Keep your number. Switch to ${named}.`);
      expect(html).toContain(`from your current carrier to us at ${named}.`);
      expect(html).not.toContain('{{');
      expect(html).not.toContain(NEW_CARRIER.name);
    });
  });
});
