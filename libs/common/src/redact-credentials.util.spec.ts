import { redactCredentials } from './redact-credentials.util';

describe('redactCredentials', () => {
  it('finding 10: hides the password of user:password@, parseable or not', () => {
    expect(redactCredentials('postgres://vigie:s3cret@db:5432/vigie')).toBe(
      'postgres://vigie:***@db:5432/vigie',
    );
    expect(redactCredentials('smtps://relay:p@ss word@smtp.example.org:465')).toBe(
      'smtps://relay:***@smtp.example.org:465',
    );
    expect(redactCredentials('smtp:/user:pw@host')).toBe('smtp:/user:***@host');
    expect(redactCredentials('user:pw@host/db')).toBe('user:***@host/db');
  });

  it('finding 10: hides secret query parameters and keeps the others', () => {
    expect(
      redactCredentials('postgres://db/vigie?sslmode=require&password=x&sslpassword=y&api_key=z'),
    ).toBe('postgres://db/vigie?sslmode=require&password=***&sslpassword=***&api_key=***');
  });

  it('leaves values without credentials as they are', () => {
    expect(redactCredentials('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
    expect(redactCredentials('mysql://localhost/x')).toBe('mysql://localhost/x');
    expect(redactCredentials('eighty')).toBe('eighty');
  });
});
