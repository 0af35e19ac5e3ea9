import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { IpcMainInvokeEvent } from 'electron';
import { createDispatch } from '../../electron/api-dispatch.js';
import { API_METHODS, channelOf } from '../../electron/shared/api-methods.js';
import type { ApiResult } from '../../electron/api.js';
import { isTrustedSender, registerIpc } from '../../electron/ipc.js';
import type { Library } from '../../electron/core/library.js';
import { SEED_FILE } from '../helpers/seed.js';
import { tempLibrary } from '../helpers/temp-library.js';

type Handler = (event: IpcMainInvokeEvent, args: unknown) => Promise<ApiResult<unknown>>;

/** A stand-in for ipcMain that records the handlers, and senders shaped like Electron's. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return { handlers, handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) };
}

function sender(options: { url?: string; webContentsId?: number; subframe?: boolean } = {}): IpcMainInvokeEvent {
  const frame = { url: options.url ?? 'app://clipdesk/index.html', parent: options.subframe ? {} : null };
  return { senderFrame: frame, sender: { id: options.webContentsId ?? 1 } } as unknown as IpcMainInvokeEvent;
}

const windows = new Set([1]);
let library: Library;
let cleanup: () => Promise<void>;
let ipc: ReturnType<typeof fakeIpcMain>;

async function invoke(method: (typeof API_METHODS)[number], args: unknown, event = sender()): Promise<ApiResult<unknown>> {
  const handler = ipc.handlers.get(channelOf(method));
  assert.ok(handler, `${method} is registered`);
  return handler(event, args);
}

describe('IPC handlers over the real core', () => {
  beforeEach(async () => {
    ({ library, cleanup } = await tempLibrary());
    ipc = fakeIpcMain();
    registerIpc(ipc, createDispatch(library), (event) => isTrustedSender(event, windows));
  });
  afterEach(() => cleanup());

  it('registers one channel per API method and nothing else', () => {
    assert.deepEqual([...ipc.handlers.keys()].sort(), API_METHODS.map(channelOf).sort());
  });

  it('clips the seed through the import channel and finds it by search', async () => {
    const seed = await import('node:fs/promises').then((fs) => fs.readFile(SEED_FILE, 'utf8'));
    const imported = await invoke('import', [{ kind: 'text', text: seed }]);
    assert.equal(imported.ok, true);
    const found = await invoke('search', ['Zhou Hui']);
    assert.ok(found.ok && (found.value as { total: number }).total === 1);
  });

  it('refuses senders that are not the main frame of our window on the app origin', async () => {
    for (const event of [
      sender({ url: 'https://evil.example/' }),
      sender({ url: 'file:///etc/passwd' }),
      sender({ subframe: true }),
      sender({ webContentsId: 99 }),
    ]) {
      const result = await invoke('list', [], event);
      assert.deepEqual(result, { ok: false, error: { code: 'FORBIDDEN', message: 'this page may not use the Clipdesk API' } });
    }
  });

  it('validates every payload and answers with a code and a message, never a stack', async () => {
    for (const [method, args] of [
      ['get', [42]], ['update', ['id', { starred: 'yes' }]], ['search', 'not an array'], ['import', [{ kind: 'file:///etc/passwd' }]],
      ['addTags', ['id', []]], ['restoreRevision', ['id', -1]],
    ] as const) {
      const result = await invoke(method, args);
      assert.equal(result.ok, false, method);
      assert.equal(!result.ok && result.error.code, 'BAD_INPUT', method);
      assert.doesNotMatch(JSON.stringify(result), /at .*\.ts:\d+/);
    }
    const missing = await invoke('get', ['nope']);
    assert.deepEqual(missing, { ok: false, error: { code: 'NOT_FOUND', message: 'no clip with id nope' } });
  });
});
