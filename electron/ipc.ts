/**
 * The Electron IPC adapter: one handler per API method on its own channel. A call is answered only
 * when it comes from the main frame of a Clipdesk window showing the app's own origin; its payload is
 * validated by the shared dispatch, and errors cross as `{ ok: false, error: { code, message } }`.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, channelOf } from './shared/api-methods.js';
import type { Dispatch } from './api-dispatch.js';
import type { ApiResult } from './api.js';

/** The app's own pages are served from app://clipdesk/ (see shell/app-protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clipdesk';

/** True for the top frame of one of our windows showing our own pages, and nothing else. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, windowIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!windowIds.has(event.sender.id)) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, trusted: (event: IpcMainInvokeEvent) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelOf(method), async (event, args: unknown): Promise<ApiResult<unknown>> => {
      if (!trusted(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'this page may not use the Clipdesk API' } };
      return dispatch(method, args);
    });
  }
}
