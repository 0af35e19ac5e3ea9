/**
 * `npm run dist` (after the build): runs electron-builder with any extra arguments
 * (`npm run dist -- --linux deb`). electron-builder downloads the Electron runtime and its packaging
 * tools (AppImage, fpm, NSIS, dmg) from GitHub on first use; without that network it stops with a bare
 * `getaddrinfo ENOTFOUND github.com`. This says what that means and what still works offline.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('electron-builder/cli.js');
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|socket hang up/;

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: ['inherit', 'pipe', 'pipe'] });
let sawNetworkError = false;
for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
  from.on('data', (chunk: Buffer) => {
    to.write(chunk);
    sawNetworkError ||= NETWORK_ERROR.test(chunk.toString());
  });
}
child.on('close', (code) => {
  if (code === 0) return;
  if (sawNetworkError) {
    console.error(`
npm run dist: electron-builder could not download what it packages with (the Electron runtime for
the target platform, and AppImage / fpm / NSIS / dmg tools) because this machine has no access to
GitHub. Nothing was packaged. Run it where that network is available, or fill electron-builder's
caches first (ELECTRON_CACHE, ELECTRON_BUILDER_CACHE). Offline, \`npm run pack:app\` still builds and
checks release/app.asar, the part of every installer that is Clipdesk's own.`);
  }
  process.exitCode = code ?? 1; // no code: killed by a signal
});
