import { PROPERTY_RUNS, unicodeText } from '@app/testing';
import fc from 'fast-check';
import { parseFeedFile, parseFeedUrl } from './feed-request.util';

const FORMATS = ['rss', 'atom', 'json', 'ics'] as const;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const tokenLike = () =>
  fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/).filter((token) => TOKEN.test(token));
const anyText = () =>
  fc.oneof(
    fc.string({ maxLength: 120 }),
    unicodeText(120),
    fc
      .tuple(
        fc.constantFrom('', '/feeds/', '/feeds//', '/FEEDS/'),
        tokenLike(),
        fc.string({ maxLength: 8 }),
      )
      .map(([prefix, token, tail]) => `${prefix}${token}${tail}`),
  );

describe('feed address parsing (property)', () => {
  it('gives null or a well-formed token and a known format for any text', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        for (const address of [parseFeedFile(text), parseFeedUrl(text)]) {
          if (address === null) continue;
          expect(address.token).toMatch(TOKEN);
          expect(FORMATS).toContain(address.format);
        }
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('reads back exactly the token and format of every well-formed address', () => {
    fc.assert(
      fc.property(tokenLike(), fc.constantFrom(...FORMATS), (token, format) => {
        expect(parseFeedFile(`${token}.${format}`)).toEqual({ token, format });
        expect(parseFeedUrl(`/feeds/${token}.${format}`)).toEqual({ token, format });
        expect(parseFeedUrl(`/feeds/${token}.${format}?x=1`)).toBeNull();
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
