/** Query parameters whose value is a secret (password=, sslpassword=, api_key=, token=…). */
const SECRET_PARAMETER = /^[^=]*(pass|pwd|secret|token|key|auth|credential)[^=]*$/i;

/**
 * A configuration value as it may be shown in an error: `user:password@` becomes
 * `user:***@` and secret query parameters `name=***`, even when the value is too malformed
 * to parse as a URL (that is when it gets printed).
 */
export function redactCredentials(value: string): string {
  const queryAt = value.search(/[?#]/);
  const beforeQuery = queryAt < 0 ? value : value.slice(0, queryAt);
  const query = queryAt < 0 ? '' : value.slice(queryAt);
  return redactUserInfo(beforeQuery) + redactQuery(query);
}

function redactUserInfo(address: string): string {
  // The last @ ends the user info: a password may itself hold an unencoded @.
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const scheme = /^[a-z][a-z0-9+.-]*:\/{1,3}/i.exec(address)?.[0] ?? '';
  const userInfo = address.slice(scheme.length, at);
  const colon = userInfo.indexOf(':');
  if (colon < 0) return address;
  return `${scheme}${userInfo.slice(0, colon)}:***${address.slice(at)}`;
}

function redactQuery(query: string): string {
  return query.replace(/([?&;])([^=&;#]+)=([^&;#]*)/g, (whole, separator: string, name: string) =>
    SECRET_PARAMETER.test(name) ? `${separator}${name}=***` : whole,
  );
}
