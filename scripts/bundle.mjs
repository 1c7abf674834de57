// Bundles the compiled CLI (dist/cli) into dist/bundle: one ESM entry and lazy chunks per command,
// so a command loads its code in a few files instead of hundreds (start-up ~60 ms faster).
// better-sqlite3 stays outside: it loads a native addon; pdfjs-dist too: it loads its worker script from its own folder.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The import's reading thread is an entry of its own: a Worker loads it by file.
  entryPoints: ['dist/cli/index.js', 'dist/cli/import-worker.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  mainFields: ['module', 'main'],
  external: ['better-sqlite3', 'pdfjs-dist'],
  // Bundled CommonJS packages call require(): give the ESM chunks one.
  banner: { js: "import { createRequire as __reply_require } from 'node:module'; const require = __reply_require(import.meta.url);" },
  logLevel: 'warning',
});
