// Compiles apps/, libs/, scripts/ and test/fixture-server/ to dist/ with swc (type checking is `npm run typecheck`).
// Incremental: a file is recompiled only when its source is newer than its output, so the
// `vigie` command can build on every call without making the user wait.
import { transformFile } from '@swc/core';
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const outRoot = join(root, 'dist');
const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const isTest = (f) => /\.(spec|integration-spec|e2e-spec)\.ts$/.test(f);

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !isTest(entry.name)) yield full;
  }
}

const force = process.argv.includes('--force');
if (force) rmSync(outRoot, { recursive: true, force: true });
let compiled = 0;
// The fixture server is test code, but the demo serves its pages too.
for (const top of ['apps', 'libs', 'scripts', 'test/fixture-server']) {
  if (!existsSync(join(root, top))) continue;
  for (const file of walk(join(root, top))) {
    const out = join(outRoot, relative(root, file)).replace(/\.ts$/, '.js');
    if (!force && existsSync(out) && statSync(out).mtimeMs >= statSync(file).mtimeMs) continue;
    const result = await transformFile(file, {
      ...swcrc,
      swcrc: false,
      filename: file,
      sourceMaps: true,
      jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.code + `\n//# sourceMappingURL=${out.split('/').pop()}.map\n`);
    if (result.map) writeFileSync(out + '.map', result.map);
    compiled++;
  }
}
if (process.argv.includes('--verbose')) console.log(`built ${compiled} file(s) into dist/`);
