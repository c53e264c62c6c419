import { BadRequestException } from '@nestjs/common';
import { expectedVersion } from './expected-version.util';

describe('expectedVersion', () => {
  it('prefers the body, then reads If-Match as our ETag sends it', () => {
    expect(expectedVersion(4, '"3"')).toBe(4);
    expect(expectedVersion(undefined, '"3"')).toBe(3);
    expect(expectedVersion(undefined, 'W/"12"')).toBe(12);
    expect(expectedVersion(undefined, '7')).toBe(7);
  });

  it('applies to the current version without a header or with *', () => {
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(expectedVersion(undefined, '*')).toBeUndefined();
  });

  it('refuses a header that is not a version, quoting it', () => {
    expect(() => expectedVersion(undefined, '"abc"')).toThrow(BadRequestException);
    expect(() => expectedVersion(undefined, '"abc"')).toThrow(/abc/);
  });
});
