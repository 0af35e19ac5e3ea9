/**
 * The preload of the Clipdesk window (sandboxed, contextIsolation on): exposes exactly the typed API
 * as `window.clipdesk`, one function per method, never ipcRenderer itself. Errors come back from the
 * main process as `{ ok: false, error }` and are rethrown here with their stable `code`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, SHELL_COMMAND_CHANNEL, channelOf } from './shared/api-methods.js';
import type { ApiMethod, ApiResult, ClipdeskShell, ShellCommand } from './api.js';

async function call(method: ApiMethod, args: unknown[]): Promise<unknown> {
  const result = (await ipcRenderer.invoke(channelOf(method), args)) as ApiResult<unknown>;
  if (result.ok) return result.value;
  throw Object.assign(new Error(result.error.message), { code: result.error.code });
}

const api = Object.fromEntries(API_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]));

contextBridge.exposeInMainWorld('clipdesk', api);

/** Menu commands and clips made by the main process (deep links, clipboard), for the app to act on. */
const shell: ClipdeskShell = {
  onCommand(listener) {
    ipcRenderer.on(SHELL_COMMAND_CHANNEL, (_event, command: ShellCommand, detail: string | null) => listener(command, detail));
  },
};
contextBridge.exposeInMainWorld('clipdeskShell', shell);
