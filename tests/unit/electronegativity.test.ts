import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { META_CSP } from '../../electron/hosts/csp.js';
import { tempDir } from '../helpers/temp-library.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHELL = ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/shared', 'electron/shell', 'electron/hosts'];

interface Finding {
  check: string;
  file: string;
}

interface SarifResult {
  ruleId: string;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
}

/** The shell as it ships (TypeScript compiled to JavaScript), with the page and package.json beside it. */
async function shippedShell(t: TestContext): Promise<string> {
  const dir = await tempDir(t, 'clipdesk-scan-');
  for (const source of await listTs(SHELL)) {
    const { code } = await transform(await readFile(join(ROOT, source), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
    const target = join(dir, source.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, code);
  }
  await cp(join(ROOT, 'renderer/index.html'), join(dir, 'renderer/index.html'));
  await cp(join(ROOT, 'package.json'), join(dir, 'package.json'));
  return dir;
}

async function listTs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (path.endsWith('.ts')) files.push(path);
    else for (const name of await readdir(join(ROOT, path))) if (name.endsWith('.ts')) files.push(join(path, name));
  }
  return files;
}

async function scan(dir: string): Promise<Finding[]> {
  const out = join(dir, 'findings.sarif');
  // The release-feed check needs the network; every other check runs offline.
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'),
    '-i', dir, '-o', out, '-r', '-v', 'false', '-x', 'AvailableSecurityFixesGlobalCheck'], { cwd: dir, timeout: 120_000 });
  const sarif = JSON.parse(await readFile(out, 'utf8')) as { runs: Array<{ results: SarifResult[] }> };
  return sarif.runs.flatMap((run) => run.results.map((result) => ({
    check: result.ruleId,
    file: relative(dir, join(dir, result.locations[0]?.physicalLocation.artifactLocation.uri ?? '')).replace(/^file:/, ''),
  })));
}

test('electronegativity finds nothing in the Electron shell that is not explained in tests/security', { timeout: 180_000 }, async (t) => {
  const findings = await scan(await shippedShell(t));
  const findingsJson = await readFile(join(ROOT, 'tests/security/electronegativity-findings.json'), 'utf8');
  const explained = JSON.parse(findingsJson) as { explained: Finding[] };
  const known = new Set(explained.explained.map((f) => `${f.check} ${f.file}`));
  const unexplained = findings.filter((f) => !known.has(`${f.check} ${f.file}`));
  assert.deepEqual(unexplained, [], 'explain each in tests/security/electronegativity-findings.json, or fix it');
  assert.ok(findings.some((f) => f.check === 'ELECTRON_VERSION_JSON_CHECK'), 'the scanner really ran over the shell');
});

test('the page states the same CSP as the headers that serve it', async () => {
  const page = await readFile(join(ROOT, 'renderer/index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
  assert.equal(meta, META_CSP);
});
