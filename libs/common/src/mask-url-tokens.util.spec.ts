import { maskUrlTokens } from './mask-url-tokens.util';

const TOKEN = 'PO5WQzb4WoPmPL_Uz7csW-Js9VUsguGaPeGsqbxuRjg';

describe('maskUrlTokens', () => {
  it('finding 2: masks the token of feed, reset and invitation paths', () => {
    expect(maskUrlTokens(`/feeds/${TOKEN}.rss`)).toBe('/feeds/***.rss');
    expect(maskUrlTokens(`/feeds/${TOKEN}.ics?x=1`)).toBe('/feeds/***.ics?x=1');
    expect(maskUrlTokens(`/mot-de-passe/reinitialiser/${TOKEN}`)).toBe(
      '/mot-de-passe/reinitialiser/***',
    );
    expect(maskUrlTokens(`/invitation/${TOKEN}`)).toBe('/invitation/***');
    // A short or mistyped token is still someone's secret.
    expect(maskUrlTokens('/invitation/abc')).toBe('/invitation/***');
  });

  it('finding 2: masks any secret-shaped segment or query value, and secret-named parameters', () => {
    expect(maskUrlTokens(`/desabonnement/${TOKEN}`)).toBe('/desabonnement/***');
    expect(maskUrlTokens(`/api/x?t=${TOKEN}&page=2`)).toBe('/api/x?t=***&page=2');
    expect(maskUrlTokens('/api/x?token=short&api_key=k&page=2')).toBe(
      '/api/x?token=***&api_key=***&page=2',
    );
  });

  it('keeps what is not a secret: ids, names, filters', () => {
    const id = '4b9dfdbf-c525-4456-a9b9-1b108baf0dd5';
    expect(maskUrlTokens(`/api/watches/${id}/feed-tokens`)).toBe(`/api/watches/${id}/feed-tokens`);
    expect(maskUrlTokens('/api/calls?territory=63&sort=deadline')).toBe(
      '/api/calls?territory=63&sort=deadline',
    );
    expect(maskUrlTokens('/static/vigie.css')).toBe('/static/vigie.css');
    expect(maskUrlTokens('/')).toBe('/');
  });
});
