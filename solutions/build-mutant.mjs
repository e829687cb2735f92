#!/usr/bin/env node
// Bundle a TypeScript reference solution, or a mutant of it, into <dir>/.byo/server.mjs.
//
//   node build-mutant.mjs <dir>        (byo.yml runs it with cwd = <dir>, so <dir> is usually ".")
//
// The reference is a directory with src/main.ts. A mutant is a directory holding byo.yml and one or a few
// replacement modules: mutants/<name>/request-parser.ts replaces the reference's src/request-parser.ts
// everywhere it is imported. The reference is found as <ancestor>/typescript/src, walking up from <dir>
// (solutions/http-server/mutants/<name> → solutions/http-server/typescript/src).
//
// To wrap the original instead of copying it, a replacement imports it by relative path:
//   import { readRequestHead as original } from '../../typescript/src/request-parser.js';
// The rule: an import that resolves to a reference module with a replacement goes to the replacement, except
// from the replacement itself, which alone sees the original. Relative paths were chosen over an alias such as
// `@reference/x` because the repository's root tsconfig type-checks solutions/**/*.ts with plain NodeNext
// resolution: a relative import type-checks there with no paths mapping or untyped `declare module` shim.
// A mutant may also bring its own main.ts, which then becomes the entry point.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const isReference = existsSync(join(dir, 'src', 'main.ts'));
const referenceSrc = isReference ? join(dir, 'src') : findReferenceSrc(dir);
const entry = existsSync(join(dir, 'main.ts')) ? join(dir, 'main.ts') : join(referenceSrc, 'main.ts');

/** The nearest <ancestor>/typescript/src holding a main.ts. */
function findReferenceSrc(from) {
  for (let at = dirname(from); at !== dirname(at); at = dirname(at)) {
    const candidate = join(at, 'typescript', 'src');
    if (existsSync(join(candidate, 'main.ts'))) return candidate;
  }
  throw new Error(`no reference solution (typescript/src/main.ts) above ${from}`);
}

/** Redirect imports of replaced reference modules to the mutant's file of the same name. */
const replaceModules = {
  name: 'replace-reference-modules',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      // NodeNext-style specifiers name the compiled file ("./x.js"); the source is x.ts.
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (dirname(target) !== referenceSrc) return undefined;
      const replacement = join(dir, basename(target));
      if (!existsSync(replacement) || args.importer === replacement) return undefined;
      return { path: replacement };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile: join(dir, '.byo', 'server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  plugins: isReference ? [] : [replaceModules],
});
