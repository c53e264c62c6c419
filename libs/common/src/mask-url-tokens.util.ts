/** Path segments that follow these carry a secret: feed tokens, reset and invitation links. */
const TOKEN_AFTER = new Set(['feeds', 'invitation', 'reinitialiser']);
/** Anything shaped like a generated secret (32 random bytes in base64url are 43 characters). */
const LONG_TOKEN = /^[A-Za-z0-9_-]{32,}$/;
/** Ids are not secrets, and following them in the log is worth keeping. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET_PARAMETER = /token|key|secret|password|signature/i;
/** Most URLs hold none of the above: one scan lets them through untouched. */
const MAYBE_SECRET =
  /[A-Za-z0-9_-]{32}|\/(feeds|invitation|reinitialiser)\/|token|key|secret|password|signature/i;

const looksLikeToken = (value: string): boolean => LONG_TOKEN.test(value) && !UUID.test(value);

function maskSegment(segment: string, previous: string | undefined): string {
  const [, name, extension = ''] = /^(.*?)(\.[A-Za-z0-9]{1,8})?$/.exec(segment) ?? [];
  if (!name) return segment;
  return (previous !== undefined && TOKEN_AFTER.has(previous)) || looksLikeToken(name)
    ? `***${extension}`
    : segment;
}

/**
 * A request URL as the log may show it: the token of `/feeds/<token>.rss`,
 * `/mot-de-passe/reinitialiser/<token>`, `/invitation/<token>`, any other segment or query value
 * shaped like a secret, and secret-named query parameters become `***`. Whoever reads the log
 * must not be able to read a feed or take over an account with what they read.
 */
export function maskUrlTokens(url: string): string {
  if (!MAYBE_SECRET.test(url)) return url;
  const queryAt = url.search(/[?#]/);
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const rest = queryAt < 0 ? '' : url.slice(queryAt);
  const segments = path.split('/');
  const maskedPath = segments.map((segment, i) => maskSegment(segment, segments[i - 1])).join('/');
  const maskedRest = rest.replace(
    /([?&;#])([^=&;#]*)=([^&;#]*)/g,
    (whole, separator: string, name: string, value: string) =>
      SECRET_PARAMETER.test(name) || looksLikeToken(value) ? `${separator}${name}=***` : whole,
  );
  return maskedPath + maskedRest;
}
