import { decodeBody } from './charset.util';

const FRENCH = 'Date limite de dépôt : 30 septembre, après l’été — 2 M€';

describe(decodeBody.name, () => {
  it('uses the charset of the Content-Type header', () => {
    const body = Buffer.from('Date limite de dépôt, été', 'latin1');
    const decoded = decodeBody(body, 'text/html; charset=ISO-8859-1');
    expect(decoded.text).toBe('Date limite de dépôt, été');
    expect(decoded.source).toBe('header');
  });

  it('decodes Windows-1252 punctuation and the euro sign', () => {
    const body = Buffer.from([0x32, 0x20, 0x4d, 0x80, 0x20, 0x92, 0x20, 0x85, 0x20, 0x9c]);
    expect(decodeBody(body, 'text/plain; charset=windows-1252').text).toBe('2 M€ ’ … œ');
  });

  it('reads the XML prolog encoding when the header has none', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>${'été'}</title></rss>`;
    const decoded = decodeBody(Buffer.from(xml, 'latin1'), 'application/rss+xml');
    expect(decoded.text).toContain('<title>été</title>');
    expect(decoded.source).toBe('xml-prolog');
  });

  it.each([
    '<meta charset="iso-8859-1">',
    '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
  ])('reads the HTML meta charset %s', (meta) => {
    const html = `<html><head>${meta}</head><body>Dépôt avant l'été</body></html>`;
    const decoded = decodeBody(Buffer.from(html, 'latin1'), 'text/html');
    expect(decoded.text).toContain("Dépôt avant l'été");
    expect(decoded.source).toBe('meta');
  });

  it('keeps valid UTF-8 undeclared bodies as UTF-8', () => {
    const decoded = decodeBody(Buffer.from(FRENCH, 'utf8'), 'text/html');
    expect(decoded.text).toBe(FRENCH);
    expect(decoded.encoding).toBe('utf-8');
  });

  it('falls back to Windows-1252 when undeclared bytes are not UTF-8', () => {
    const decoded = decodeBody(Buffer.from('Dépôt', 'latin1'), null);
    expect(decoded.text).toBe('Dépôt');
    expect(decoded.source).toBe('fallback');
  });

  it('ignores an unknown charset label instead of failing', () => {
    const decoded = decodeBody(Buffer.from('été', 'utf8'), 'text/html; charset=utf-42');
    expect(decoded.text).toBe('été');
  });

  it('lets a byte-order mark override a wrong header', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('été', 'utf8')]);
    expect(decodeBody(body, 'text/html; charset=iso-8859-1').text).toBe('été');
  });
});
