/** What a support staff member's message asks for: look-ups, carrier how-to, the menu, further menu entries. */
import { readHowTo, readStaffRequest } from '../../dialogs/staff/staffRequests';
import { staffText } from '../../dialogs/text/staffText';
import { createReferenceNumber } from '../../src/domain';

const REFERENCE = createReferenceNumber();

describe('reading what a staff member asks', () => {
  it.each([
    [`status ${REFERENCE}`, REFERENCE],
    ['Status of (312) 555-0147', '(312) 555-0147'],
    ['look up port for 312.555.0147', '312.555.0147'],
    ['lookup: +1 312 555 0147', '+1 312 555 0147'],
    [`find ${REFERENCE.toLowerCase()}`, REFERENCE.toLowerCase()],
    [REFERENCE, REFERENCE],
    ['status PA-0000-0000-00X', 'PA-0000-0000-00X'],
    ['(312) 555-0147', '(312) 555-0147'],
    [staffText.menu.buttons.lookup, ''],
    ['status', ''],
  ])('reads %p as a look-up of %p', (text, query) => {
    expect(readStaffRequest(text)).toEqual({ kind: 'lookup', query });
  });

  it.each(['verizon pin', 'How do I port from AT&T?', 'what is a CSR', 'what’s an LOA', 'tmobile account number', 'how do I port from Acme Telco', 'sprint', 'Rogers'])(
    'reads %p as a how-to question',
    (text) => {
      expect(readStaffRequest(text)).toEqual({ kind: 'howTo', question: text });
    },
  );

  it('reads the how-to button as a question still to be asked', () => {
    expect(readStaffRequest(staffText.menu.buttons.howTo)).toEqual({ kind: 'howTo', question: '' });
  });

  it.each(['hi', 'help', 'menu', '?', ''])('reads %p as asking for the menu', (text) => {
    expect(readStaffRequest(text)).toEqual({ kind: 'menu' });
  });

  it.each(['thanks', 'start my port', 'asdfgh'])('knows nothing of %p', (text) => {
    expect(readStaffRequest(text)).toEqual({ kind: 'unknown' });
  });

  it('recognizes the further entries of the menu by their own words, before carrier questions', () => {
    const feature = { asks: /^port a number for a customer$/i };
    expect(readStaffRequest('Port a number for a customer', [feature])).toEqual({ kind: 'feature', feature });
  });

  it('finds the carrier and the topic of a question, whatever surrounds them', () => {
    expect(readHowTo('How do I get a transfer PIN from Verizon?')).toEqual({ carrier: { kind: 'known', ref: { id: 'verizon', name: 'Verizon', known: true } }, topic: 'pin' });
    expect(readHowTo('how do I port from AT&T')).toEqual({ carrier: { kind: 'known', ref: { id: 'att', name: 'AT&T', known: true } } });
    expect(readHowTo('what is a CSR')).toEqual({ topic: 'csr' });
    expect(readHowTo('sprint pin')).toMatchObject({ carrier: { kind: 'suggestion', ref: { id: 'tmobile' } }, topic: 'pin' });
    expect(readHowTo('Acme Telco port-out lock')).toEqual({ carrier: { kind: 'unknown', ref: { id: 'other', name: 'Acme Telco', known: false } }, topic: 'lock' });
  });
});
