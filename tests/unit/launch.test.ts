import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { it } from 'node:test';
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
  const args = ['--import', 'tsx', 'electron/launch.ts', '--library', dir];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill());
  let output = '';
  await new Promise<void>((started, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Clipdesk is running at http://127.0.0.1:')) started();
    });
    child.on('exit', (code) => failed(new Error(`launch exited with ${code}: ${output}`)));
  });
  const [first] = output.split('\n');
  assert.match(first ?? '', /^Electron runtime not available \(.+\); serving Clipdesk in your browser instead\.$/);
  const tooOld = nodeTooOldForElectron(process.versions.node);
  if (tooOld) assert.ok(first?.includes(tooOld), first);
});
