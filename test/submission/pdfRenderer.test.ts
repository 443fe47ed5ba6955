/**
 * The pooled LOA renderer: the letters rendered on worker threads are the very bytes the main thread would render,
 * and a failure reaches the caller as a rejection without taking the pool down.
 */
import type { Loa } from '../../src/domain';
import { renderCarrierLoaPdf, renderCustomerLoaPdf } from '../../src/submission';
import { type LoaPdfRenderer, createLoaPdfRenderer } from '../../src/submission/pdf/pdfRenderer';
import { multiScriptBusinessLoa, verizonLoa } from './support/loas';

const SIGNED_AT = new Date('2025-11-25T17:04:05.000Z');

describe('the pooled LOA renderer', () => {
  let renderer: LoaPdfRenderer;

  beforeAll(() => {
    renderer = createLoaPdfRenderer({ threads: 2 });
  });

  afterAll(() => renderer.close());

  it("renders both copies byte for byte as the main thread does, in every script the fonts cover", async () => {
    for (const loa of [verizonLoa(SIGNED_AT), multiScriptBusinessLoa(SIGNED_AT)]) {
      const carrier = await renderCarrierLoaPdf(loa);
      const customer = await renderCustomerLoaPdf(loa);
      // The comparison means something only because a letter renders the same every time.
      expect((await renderCarrierLoaPdf(loa)).equals(carrier)).toBe(true);
      expect(carrier.equals(customer)).toBe(false);

      expect((await renderer.render(loa, 'carrier')).equals(carrier)).toBe(true);
      expect((await renderer.render(loa, 'customer')).equals(customer)).toBe(true);
    }
  });

  it('completes many renders asked for at once, each with its own letter', async () => {
    // More letters than threads, each with its own reference and signing time, so that a mix-up would show.
    const letters = Array.from({ length: 6 }, (_, index) => verizonLoa(new Date(SIGNED_AT.getTime() + index * 60_000)));

    const pooled = await Promise.all(letters.map((loa, index) => renderer.render(loa, index % 2 === 0 ? 'carrier' : 'customer')));

    for (const [index, loa] of letters.entries()) {
      const inProcess = index % 2 === 0 ? await renderCarrierLoaPdf(loa) : await renderCustomerLoaPdf(loa);
      expect(pooled[index].equals(inProcess)).toBe(true);
    }
  });

  it('rejects a letter it cannot render, or cannot hand to a thread, and goes on rendering the next', async () => {
    const loa = verizonLoa(SIGNED_AT);
    const unsigned = { ...loa, signature: undefined } as unknown as Loa;
    const uncloneable = { ...loa, numbers: { map: () => [] } } as unknown as Loa;

    await expect(renderer.render(unsigned, 'carrier')).rejects.toThrow(/signedAt/);
    await expect(renderer.render(uncloneable, 'carrier')).rejects.toThrow(/could not be cloned/);
    expect((await renderer.render(loa, 'carrier')).equals(await renderCarrierLoaPdf(loa))).toBe(true);
  });

  it('rejects a render asked for once it is closed', async () => {
    const closed = createLoaPdfRenderer({ threads: 1 });
    const loa = verizonLoa(SIGNED_AT);
    expect((await closed.render(loa, 'customer')).equals(await renderCustomerLoaPdf(loa))).toBe(true);

    await closed.close();

    await expect(closed.render(loa, 'customer')).rejects.toThrow('The LOA renderer is closed.');
  });
});
