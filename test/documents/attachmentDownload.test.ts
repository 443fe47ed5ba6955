import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AttachmentDownloader, TEAMS_FILE_DOWNLOAD_INFO, fileAttachmentOf } from '../../src/documents/attachmentDownload';

describe('the file a message carries', () => {
  it("is Teams' file download info, by its downloadUrl", () => {
    const teams = [
      { contentType: 'text/html', content: '<div>here is my bill</div>' },
      {
        contentType: TEAMS_FILE_DOWNLOAD_INFO,
        contentUrl: 'https://contoso.sharepoint.com/personal/maria/Documents/bill.pdf',
        name: 'bill.pdf',
        content: { downloadUrl: 'https://contoso.sharepoint.com/download?token=abc', uniqueId: '1', fileType: 'pdf' },
      },
    ];
    expect(fileAttachmentOf(teams)).toEqual({ url: 'https://contoso.sharepoint.com/download?token=abc', name: 'bill.pdf' });
  });

  it("is Web Chat's attachment, by its contentUrl", () => {
    expect(fileAttachmentOf([{ contentType: 'image/jpeg', contentUrl: 'https://directline.botframework.com/attachments/x', name: 'IMG.jpg' }])).toEqual({
      url: 'https://directline.botframework.com/attachments/x',
      name: 'IMG.jpg',
    });
  });

  it("is none for Teams' own copy of the text, a card, or download info without a link", () => {
    expect(fileAttachmentOf([{ contentType: 'text/html', content: '<p>hi</p>' }])).toBeUndefined();
    expect(fileAttachmentOf([{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: 'https://example.com/card', content: {} }])).toBeUndefined();
    expect(fileAttachmentOf([{ contentType: TEAMS_FILE_DOWNLOAD_INFO, content: {} }])).toBeUndefined();
    expect(fileAttachmentOf(undefined)).toBeUndefined();
  });
});

describe('fetching an attached file', () => {
  const files = new Map<string, Buffer>();
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    // Each answer as writeHead, then end: writeHead's return value is not the response under every http patch.
    const answer = (res: ServerResponse, status: number, headers: Record<string, string>, body?: Buffer) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    server = createServer((req, res) => {
      if (req.url === '/redirect') return answer(res, 302, { location: '/small' });
      if (req.url === '/redirect-out') return answer(res, 302, { location: 'http://example.com/bill.pdf' });
      if (req.url === '/endless') {
        // No length announced: the size cap must stop the reading itself.
        res.writeHead(200, { 'content-type': 'application/pdf' });
        const chunk = Buffer.alloc(64 * 1024);
        const write = () => {
          while (res.write(chunk));
        };
        res.on('drain', write);
        res.on('close', () => res.off('drain', write));
        return write();
      }
      const file = files.get(req.url ?? '');
      if (file === undefined) return answer(res, 404, {});
      answer(res, 200, { 'content-type': 'application/octet-stream' }, file);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    files.set('/small', Buffer.from('%PDF-1.7 a bill'));
    files.set('/big', Buffer.alloc(2048));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const downloader = (local = true) => new AttachmentDownloader({ maxBytes: 1024, timeoutMs: 5_000, localOrigin: local ? () => origin : undefined });

  it("fetches from the local bridge's own address on a local run, following its redirects", async () => {
    expect(await downloader().download({ url: `${origin}/small` })).toEqual({ ok: true, bytes: files.get('/small') });
    expect(await downloader().download({ url: `${origin}/redirect` })).toEqual({ ok: true, bytes: files.get('/small') });
  });

  it('fetches no plain http link but that one, nor a redirect away from it', async () => {
    expect(await downloader(false).download({ url: `${origin}/small` })).toEqual({ ok: false, refusal: 'unreachable' });
    expect(await downloader().download({ url: `${origin}/redirect-out` })).toEqual({ ok: false, refusal: 'unreachable' });
    expect(await downloader().download({ url: 'file:///etc/passwd' })).toEqual({ ok: false, refusal: 'unreachable' });
    expect(await downloader().download({ url: 'not a url' })).toEqual({ ok: false, refusal: 'unreachable' });
  });

  it('stops at the size cap, announced or not', async () => {
    expect(await downloader().download({ url: `${origin}/big` })).toEqual({ ok: false, refusal: 'tooBig' });
    expect(await downloader().download({ url: `${origin}/endless` })).toEqual({ ok: false, refusal: 'tooBig' });
  });

  it('answers a missing file as one it could not get', async () => {
    expect(await downloader().download({ url: `${origin}/gone` })).toEqual({ ok: false, refusal: 'unreachable' });
  });

  it('reads a data: URL, within the cap', async () => {
    const bytes = Buffer.from('%PDF-1.7 inline');
    expect(await downloader().download({ url: `data:application/pdf;base64,${bytes.toString('base64')}` })).toEqual({ ok: true, bytes });
    expect(await downloader().download({ url: `data:application/pdf;base64,${Buffer.alloc(2048).toString('base64')}` })).toEqual({ ok: false, refusal: 'tooBig' });
    // A stray '%' is a link it could not read, not a failed turn.
    expect(await downloader().download({ url: 'data:,%E0%A4%A' })).toEqual({ ok: false, refusal: 'unreachable' });
  });

  it('follows no link inside: this machine, private networks, link-local metadata services, by name or by address', async () => {
    const inside = [
      'https://127.0.0.1/bill.pdf',
      'https://localhost/bill.pdf',
      'https://10.1.2.3/bill.pdf',
      'https://192.168.0.10/bill.pdf',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/bill.pdf',
      'https://[fd00::1]/bill.pdf',
      'https://[::ffff:10.0.0.1]/bill.pdf',
    ];
    const fetched = jest.spyOn(globalThis, 'fetch');
    try {
      for (const url of inside) expect(await downloader(false).download({ url })).toEqual({ ok: false, refusal: 'unreachable' });
      // Refused before any request is made, not merely because nothing answered there.
      expect(fetched).not.toHaveBeenCalled();
    } finally {
      fetched.mockRestore();
    }
  });
});
