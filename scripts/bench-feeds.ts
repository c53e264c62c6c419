// npm run bench:feeds [-- --profiles 1000 --calls 2000]
//
// Matching cost per new call against N compiled profiles, in memory (what the worker does per
// changed call once profiles are compiled; the database round trips are batched per 500 calls).
// Feed and /matches latency under autocannon are not measured yet (see docs/benchmarks/feeds.md).
import {
  compileProfile,
  matchCall,
  PreparedCall,
  type MatchableCall,
  type ProfileCriteria,
} from '@app/watch';
import { performance } from 'node:perf_hooks';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const THEMES = [
  'mediation_numerique',
  'inclusion_numerique',
  'fse',
  'tiers_lieux',
  'accessibilite',
];
const PLACES = ['63', '03', '15', '43', 'R84', '75', 'R11', '29', 'FR', '2A'];
const WORDS = ['illectronisme', 'tiers-lieu', 'démarches en ligne', 'aidants', 'fablab', 'voirie'];
const FILLER =
  'accompagnement des publics éloignés du numérique dans les territoires ruraux '.repeat(40);

function profile(i: number): ProfileCriteria {
  return {
    id: `p${i}`,
    organisationId: `o${i}`,
    themes: i % 3 === 0 ? [] : [THEMES[i % THEMES.length]],
    includeKeywords: i % 4 === 0 ? [WORDS[i % WORDS.length]] : [],
    excludeKeywords: ['machinisme agricole', WORDS[(i + 3) % WORDS.length]],
    territories: [PLACES[i % PLACES.length]],
    audiences: i % 5 === 0 ? ['associations'] : [],
    euFunds: [],
    minAmountCents: i % 7 === 0 ? 500_000 : null,
    minScore: i % 2 === 0 ? 0.3 : null,
    deadlineHorizonDays: i % 6 === 0 ? 120 : null,
  };
}

function call(i: number): MatchableCall {
  return {
    id: `c${i}`,
    title: `Appel à projets ${WORDS[i % WORDS.length]} ${i}`,
    descriptionText: `${FILLER} ${WORDS[(i * 7) % WORDS.length]}`,
    funders: ['Région Auvergne-Rhône-Alpes'],
    status: 'open',
    nextDeadline: '2027-03-01',
    rolling: false,
    amountMinCents: null,
    amountMaxCents: 1_000_000 + (i % 10) * 500_000,
    euFund: null,
    audiences: ['associations'],
    territory: [PLACES[(i * 3) % PLACES.length]],
    classification: {
      score: (i % 10) / 10,
      themes: [{ id: THEMES[i % THEMES.length], score: 0.7 }],
      euFund: null,
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

function main(): void {
  const profiles = Array.from({ length: arg('profiles', 1000) }, (_, i) =>
    compileProfile(profile(i)),
  );
  const calls = Array.from({ length: arg('calls', 2000) }, (_, i) => call(i));
  const timings: number[] = [];
  let matched = 0;
  for (const [index, item] of calls.entries()) {
    const start = performance.now();
    const prepared = new PreparedCall(item);
    for (const compiled of profiles) if (matchCall(compiled, prepared, '2026-11-23')) matched++;
    if (index >= 50) timings.push(performance.now() - start); // the first calls warm the JIT
  }
  timings.sort((a, b) => a - b);
  const mean = timings.reduce((sum, value) => sum + value, 0) / timings.length;
  console.log(
    `matching: ${profiles.length} profiles × ${timings.length} calls, ${matched} matches`,
  );
  console.log(
    `per call: mean ${mean.toFixed(3)} ms, p50 ${percentile(timings, 0.5).toFixed(3)} ms, p95 ${percentile(timings, 0.95).toFixed(3)} ms (goal < 5 ms)`,
  );
}

main();
