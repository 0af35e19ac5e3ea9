#!/usr/bin/env node
// The installed `clipdesk` command: runs the compiled CLI (`npm run build` makes dist/).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/electron/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('clipdesk: not built yet; run `npm run build` in the Clipdesk folder first');
  process.exit(1);
}
await import(cli.href);
