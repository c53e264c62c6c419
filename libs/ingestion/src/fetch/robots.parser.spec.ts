import { parseRobots, RobotsPolicy } from './robots.parser';

describe(parseRobots.name, () => {
  const robots = [
    '# our own group wins over the generic one',
    'User-agent: *',
    'Disallow: /private',
    '',
    'User-agent: OtherBot',
    'User-agent: Vigie',
    'Disallow: /admin',
    'Allow: /admin/public',
    'Disallow: /*.pdf$',
    'Disallow: /search?',
    'Crawl-delay: 2',
  ].join('\n');

  it('applies the group naming Vigie and ignores the * group', () => {
    const policy = parseRobots(robots, 'Vigie');
    expect(policy.isAllowed('/private/page')).toBe(true);
    expect(policy.isAllowed('/admin')).toBe(false);
    expect(policy.isAllowed('/admin/settings')).toBe(false);
  });

  it('lets the longest matching rule decide', () => {
    const policy = parseRobots(robots, 'Vigie');
    expect(policy.isAllowed('/admin/public/aap-2027')).toBe(true);
  });

  it('understands * wildcards and the $ end anchor', () => {
    const policy = parseRobots(robots, 'Vigie');
    expect(policy.isAllowed('/docs/reglement.pdf')).toBe(false);
    expect(policy.isAllowed('/docs/reglement.pdf?v=2')).toBe(true);
    expect(policy.isAllowed('/search?q=numerique')).toBe(false);
    expect(policy.isAllowed('/search')).toBe(true);
  });

  it('falls back to the * group when no group names Vigie', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /private\n', 'Vigie');
    expect(policy.isAllowed('/private/x')).toBe(false);
    expect(policy.isAllowed('/public')).toBe(true);
  });

  it('matches the user-agent case-insensitively and ignores its version', () => {
    const policy = parseRobots('User-agent: vigie/2.0\nDisallow: /\n', 'Vigie');
    expect(policy.isAllowed('/anything')).toBe(false);
  });

  it('prefers allow when an allow and a disallow rule are equally long', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /page\nAllow: /page\n', 'Vigie');
    expect(policy.isAllowed('/page')).toBe(true);
  });

  it('treats an empty Disallow as allowing everything', () => {
    expect(parseRobots('User-agent: *\nDisallow:\n', 'Vigie').isAllowed('/x')).toBe(true);
  });

  it('compares percent-encoded and plain paths alike', () => {
    const policy = parseRobots('User-agent: *\nDisallow: /appels-à-projets\n', 'Vigie');
    expect(policy.isAllowed('/appels-%C3%A0-projets/2027')).toBe(false);
    expect(
      parseRobots('User-agent: *\nDisallow: /~equipe\n', 'Vigie').isAllowed('/%7Eequipe'),
    ).toBe(false);
  });

  it('reads the crawl-delay of the chosen group', () => {
    expect(parseRobots(robots, 'Vigie').crawlDelayMs).toBe(2000);
    expect(parseRobots('User-agent: *\nCrawl-delay: 3600\n', 'Vigie').crawlDelayMs).toBe(30_000);
  });

  it('always allows robots.txt itself', () => {
    expect(RobotsPolicy.disallowAll().isAllowed('/robots.txt')).toBe(true);
    expect(RobotsPolicy.disallowAll().isAllowed('/')).toBe(false);
  });
});
