import { load } from 'cheerio';
import fc from 'fast-check';
import { sanitizeHtml } from './html-sanitizer';
import { htmlToText } from './html-text.util';

describe(sanitizeHtml.name, () => {
  it('keeps the allowed structure and makes links safe', () => {
    expect(
      sanitizeHtml(
        '<h1>Titre</h1><p>Texte <b>gras</b> <a href="https://x.fr" target="_blank">lien</a></p><ul><li>un</li></ul>',
      ),
    ).toBe(
      '<h2>Titre</h2><p>Texte <strong>gras</strong> <a href="https://x.fr" rel="noopener nofollow">lien</a></p><ul><li>un</li></ul>',
    );
  });

  it('removes scripts, styles, iframes, event handlers and javascript: links', () => {
    const dirty =
      '<p onclick="x()">a</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil"></iframe><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)>';
    expect(sanitizeHtml(dirty)).toBe('<p>a</p><a rel="noopener nofollow">b</a>');
  });

  it('never outputs <script, an on…= attribute or a javascript: link whatever the input', () => {
    const fragments = fc.constantFrom(
      '<script>',
      '</script>',
      '<scr',
      'ipt>',
      '<a href="',
      'javascript:',
      'java\tscript:',
      '" onclick="',
      ' onload=',
      '<img ',
      'src=x ',
      '<svg onload=alert(1)>',
      '<p>',
      '</p>',
      '<iframe>',
      '&lt;script&gt;',
      '<!--',
      '-->',
      '<style>',
      '"',
      "'",
      '>',
      '<',
      'JaVaScRiPt:',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fragments, fc.string({ maxLength: 8 })), { maxLength: 30 }),
        (parts) => {
          // Judge the output as a browser would: parse it, then look at elements and attributes
          // (« onload= » inside an attribute value or in text is harmless).
          const $ = load(sanitizeHtml(parts.join('')));
          expect($('script, style, iframe, svg, img, object, embed').length).toBe(0);
          $('*').each((_index, element) => {
            for (const name of Object.keys((element as { attribs?: object }).attribs ?? {})) {
              expect(name).not.toMatch(/^on/i);
            }
          });
          // "#javascript:" is a harmless relative link; only a real scheme (letters before the
          // first colon, once browsers drop tabs and newlines) can run code.
          $('[href]').each((_index, element) => {
            const href = $(element).attr('href') ?? '';
            const scheme = href.replace(/[\t\n\r]/g, '').match(/^([a-z][a-z0-9+.-]*):/i)?.[1];
            if (scheme) expect(['http', 'https', 'mailto']).toContain(scheme.toLowerCase());
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe(htmlToText.name, () => {
  it('decodes entities, keeps paragraphs and list items on their own lines, drops scripts', () => {
    expect(
      htmlToText(
        '<p>Date limite&nbsp;: 1<sup>er</sup> mars</p><ul><li>EPN</li><li>tiers-lieux</li></ul><script>x</script>l&rsquo;appel<br>fin',
      ),
    ).toBe('Date limite : 1er mars\n\nEPN\n\ntiers-lieux\n\nl’appel\nfin');
  });
});
