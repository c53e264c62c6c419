import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';

// This file runs from scripts/ (jest, tsc) and from dist/scripts/ (npm run api:types).
const ROOT = join(__dirname, '..', ...(basename(join(__dirname, '..')) === 'dist' ? ['..'] : []));

/** Where the types generated from the OpenAPI document live (committed; `npm run api:types`). */
export const API_TYPES_FILE = join(ROOT, 'test', 'support', 'api-types.generated.ts');

/** The TypeScript types of the API's paths and schemas, as scripts/render-api-types.mjs prints them. */
export function renderApiTypes(document: object): string {
  return execFileSync(process.execPath, [join(ROOT, 'scripts', 'render-api-types.mjs')], {
    input: JSON.stringify(document),
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
}
