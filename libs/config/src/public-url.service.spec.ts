import { publicBaseUrl } from './public-url.service';

describe('publicBaseUrl', () => {
  const local = { HOST: '127.0.0.1', PORT: 3000 };

  it('finding 1: is PUBLIC_URL when set, without its trailing slash', () => {
    expect(publicBaseUrl({ ...local, PUBLIC_URL: 'https://vigie.example.org/' })).toBe(
      'https://vigie.example.org',
    );
    expect(
      publicBaseUrl(
        { ...local, PUBLIC_URL: 'https://vigie.example.org' },
        { address: '10.0.0.5', port: 8080 },
      ),
    ).toBe('https://vigie.example.org');
  });

  it('finding 1: is otherwise the address the api listens on, never a request header', () => {
    expect(publicBaseUrl(local)).toBe('http://127.0.0.1:3000');
    expect(publicBaseUrl(local, { address: '127.0.0.1', port: 41234 })).toBe(
      'http://127.0.0.1:41234',
    );
    expect(publicBaseUrl({ HOST: '0.0.0.0', PORT: 3000 })).toBe('http://127.0.0.1:3000');
    expect(publicBaseUrl(local, { address: '::', port: 3001 })).toBe('http://127.0.0.1:3001');
    expect(publicBaseUrl(local, { address: '::1', port: 3002 })).toBe('http://[::1]:3002');
  });
});
