// Bundles the renderer into dist/renderer/ (run from anywhere: paths are relative to this file).
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const outdir = here('../dist/renderer/');

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: [here('./main.ts')],
  outfile: `${outdir}main.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  // The renderer runs in a browser page: a Node built-in here is a layering bug, not something to polyfill.
  platform: 'browser',
  logLevel: 'warning',
});
await Promise.all(['index.html', 'app.css'].map((file) => copyFile(here(`./${file}`), `${outdir}${file}`)));
