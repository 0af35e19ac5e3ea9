import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
import type { TestContext } from 'node:test';
import { nodeTooOldForElectron } from '../../electron/hosts/node-support.js';
import { tempDir } from '../helpers/temp-library.js';

it('names the Node to install where Electron 45 cannot be fetched, and nowhere else', () => {
  for (const old of ['20.19.0', '20.20.2', 'v22.11.0', '18.0.0']) {
    assert.match(nodeTooOldForElectron(old) ?? '', /install Node 22\.12\+ or 24/, old);
  }
  for (const fine of ['22.12.0', 'v22.23.5', '24.0.0', '25.1.0']) assert.equal(nodeTooOldForElectron(fine), null, fine);
});

it('npm start says in one line why there is no window, and serves the app in the browser instead', async (t) => {
  const dir = await tempDir(t);
  // No runtime found, and none fetched: an installed one is ignored, the download goes nowhere, and no cached copy is used.
  const env = { ...process.env, ELECTRON_PATH: '', ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: dir };
  const { output } = await serving(t, ['--import', 'tsx', 'electron/launch.ts', '--library', dir], env);
  const [first] = output.split('\n');
  assert.match(first ?? '', /^Electron runtime not available \(.+\); serving Clipdesk in your browser instead\.$/);
  const tooOld = nodeTooOldForElectron(process.versions.node);
  if (tooOld) assert.ok(first?.includes(tooOld), first);
});

it('the installed clipdesk command (compiled, in dist/) serves the app page the build made', async (t) => {
  const dir = await tempDir(t);
  const { url } = await serving(t, ['bin/clipdesk.js', '--library', dir, 'serve', '--port', '0'], process.env);
  const page = await fetch(url);
  assert.equal(page.status, 200, 'run `npm run build` first if dist/ is missing');
  assert.match(await page.text(), /<title>Clipdesk<\/title>/);
});

/** Starts node with `args` and waits for the line that says where Clipdesk runs; the process ends with the test. */
async function serving(t: TestContext, args: string[], env: NodeJS.ProcessEnv): Promise<{ output: string; url: string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill());
  let output = '';
  const url = await new Promise<string>((started, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const running = /Clipdesk is running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (running?.[1]) started(running[1]);
    });
    child.on('exit', (code) => failed(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
  return { output, url };
}
