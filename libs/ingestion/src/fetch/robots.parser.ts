interface RobotsRule {
  allow: boolean;
  /** Pattern length in characters after normalisation: the longest matching rule wins. */
  specificity: number;
  regex: RegExp;
}

/** Crawl-delay is not in RFC 9309 but widely used; a site may not hold us back more than this. */
const MAX_CRAWL_DELAY_MS = 30_000;

/** The rules of robots.txt that apply to one user-agent (RFC 9309). */
export class RobotsPolicy {
  constructor(
    private readonly rules: readonly RobotsRule[],
    /** Crawl-delay asked of our user-agent, in ms (0 when none). */
    readonly crawlDelayMs = 0,
  ) {}

  static allowAll(): RobotsPolicy {
    return new RobotsPolicy([]);
  }

  static disallowAll(): RobotsPolicy {
    return new RobotsPolicy([{ allow: false, specificity: 1, regex: /^\// }]);
  }

  /**
   * Whether the path (with its query) may be fetched. The longest matching pattern decides; on a
   * tie the allow rule wins, as the RFC asks for the least restrictive one. /robots.txt itself
   * is always allowed.
   */
  isAllowed(pathAndQuery: string): boolean {
    const path = normalisePath(pathAndQuery || '/');
    if (path === '/robots.txt') return true;
    let best: RobotsRule | null = null;
    for (const rule of this.rules) {
      if (!rule.regex.test(path)) continue;
      const better =
        !best ||
        rule.specificity > best.specificity ||
        (rule.specificity === best.specificity && rule.allow);
      if (better) best = rule;
    }
    return best?.allow ?? true;
  }
}

interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
  crawlDelayMs: number;
}

/**
 * Parses robots.txt for the crawler named `productToken` ("Vigie"): the groups naming it, merged,
 * or else the `*` groups, merged; no group at all means everything is allowed.
 */
export function parseRobots(text: string, productToken: string): RobotsPolicy {
  const groups = readGroups(text);
  const token = productToken.toLowerCase();
  const ours = groups.filter((group) => group.agents.includes(token));
  const chosen = ours.length > 0 ? ours : groups.filter((group) => group.agents.includes('*'));
  const rules = chosen.flatMap((group) => group.rules);
  const crawlDelayMs = Math.min(
    MAX_CRAWL_DELAY_MS,
    Math.max(0, ...chosen.map((group) => group.crawlDelayMs)),
  );
  return new RobotsPolicy(rules, crawlDelayMs);
}

function readGroups(text: string): RobotsGroup[] {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const separator = line.indexOf(':');
    if (separator < 0) continue;
    const key = line.slice(0, separator).trim().toLowerCase();
    const value = line.slice(separator + 1).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelayMs: 0 };
        groups.push(current);
      }
      current.agents.push(agentToken(value));
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      const rule = toRule(key === 'allow', value);
      if (rule) current.rules.push(rule);
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds > 0)
        current.crawlDelayMs = Math.round(seconds * 1000);
    }
  }
  return groups;
}

/** "Vigie/0.1 (+contact)" in a robots file still names the product "vigie". */
function agentToken(value: string): string {
  return value.split(/[\s/]/)[0].toLowerCase();
}

function toRule(allow: boolean, pattern: string): RobotsRule | null {
  // An empty Disallow allows everything; patterns must start at the root to mean anything.
  if (pattern === '' || !/^[/*]/.test(pattern)) return null;
  const normalised = normalisePath(pattern);
  const anchored = normalised.endsWith('$');
  const body = anchored ? normalised.slice(0, -1) : normalised;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return {
    allow,
    specificity: normalised.length,
    regex: new RegExp(`^${source}${anchored ? '$' : ''}`),
  };
}

/** Same percent-encoding on both sides: unreserved characters decoded, others upper-case escapes. */
function normalisePath(path: string): string {
  return path
    .replace(/[^\x21-\x7e]+/g, (chunk) => encodeURIComponent(chunk))
    .replace(/%[0-9a-f]{2}/gi, (escape) => {
      const char = String.fromCharCode(parseInt(escape.slice(1), 16));
      return /[A-Za-z0-9\-._~]/.test(char) ? char : escape.toUpperCase();
    });
}
