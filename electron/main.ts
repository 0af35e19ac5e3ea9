/**
 * The Electron main process: app lifecycle, the single-instance lock, one hardened window, menus,
 * deep links, and the IPC and clipper adapters over the Library facade. Everything else is in core/.
 * Hardening follows Electron's security checklist: contextIsolation, sandbox, no nodeIntegration,
 * a strict CSP from a custom protocol, validated IPC from known senders only, no navigation, no new
 * windows, no permissions, external links to the system browser.
 */
import { BrowserWindow, Menu, app, clipboard, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from './api-dispatch.js';
import type { ShellCommand } from './api.js';
import { isClipdeskError, Library, resolveLibraryDir } from './core/index.js';
import { APP_HOST, APP_SCHEME, isTrustedSender, registerIpc } from './ipc.js';
import { SHELL_COMMAND_CHANNEL } from './shared/api-methods.js';
import { bookmarkletFor } from './hosts/clipper.js';
import { startBrowserClipper } from './hosts/serve.js';
import { appResponse } from './shell/app-protocol.js';
import { electronPrinter } from './shell/electron-printer.js';
import { launchRequests } from './shell/launch-args.js';
import { appVault } from './shell/safe-storage-vault.js';
import type { LaunchRequest } from './shell/launch-args.js';
import { menuTemplate } from './shell/menu.js';
import { DEFAULT_STATE, loadWindowState, saveWindowState } from './shell/window-state.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD = join(here, 'preload.cjs');
const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
const windowIds = new Set<number>();
let mainWindow: BrowserWindow | null = null;
let library: Library | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the first instance gets our argv through 'second-instance' and clips what we were given
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    void clipAll(launchRequests(argv.slice(1), workingDirectory));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault(); // macOS delivers clipdesk:// links here
    void clipAll(launchRequests([url], process.cwd()));
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Clipdesk could not start', isClipdeskError(error) ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  app.setAsDefaultProtocolClient('clipdesk');
  // A rebuild of the index (after an update or damage) runs in the background; the window shows how far it got.
  const libraryDir = resolveLibraryDir(flagValue(process.argv, '--library'));
  library = await Library.open(libraryDir, {
    rebuildInBackground: true,
    printPdf: electronPrinter,
    // The sync password and key are sealed by the OS keychain where there is one (safe-storage-vault.ts).
    syncVault: appVault(libraryDir),
  });
  const opened = library;
  protocol.handle(APP_SCHEME, (request) => appResponse(RENDERER_DIR, opened.pictures, request.url));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const clipper = await startBrowserClipper(library);
  const clipperInfo = { port: clipper.port, bookmarklet: bookmarkletFor(clipper.port, clipper.token) };
  registerIpc(ipcMain, createDispatch(library, { clipper: clipperInfo }), (event) => isTrustedSender(event, windowIds));
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    clipFromClipboard: async () => clipAll([{ kind: 'url', url: (await clipboard.readText()).trim() }]),
    openLibraryFolder: () => void shell.openPath(library?.dir ?? ''),
    showBookmarklet: () => sendCommand('show-bookmarklet'),
    about: () => app.showAboutPanel(),
    send: sendCommand,
  }, process.platform === 'darwin')));
  app.setAboutPanelOptions({ applicationName: 'Clipdesk', applicationVersion: app.getVersion(), copyright: 'MIT License' });
  await createWindow();
  opened.fetching.startFetching();
  await opened.sync.startLive();
  await clipAll(launchRequests(process.argv.slice(1), process.cwd()));
}

async function createWindow(): Promise<void> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const state = await loadWindowState(statePath, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...state,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Clipdesk',
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick', // a middle click must not open a link in a new window
    },
  });
  windowIds.add(window.webContents.id);
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    void saveWindowState(statePath, { ...DEFAULT_STATE, ...bounds, maximized: window.isMaximized() });
  });
  window.on('closed', () => {
    windowIds.delete(window.webContents.id);
    mainWindow = null;
  });
  mainWindow = window;
  await window.loadURL(APP_URL);
}

/** No navigation away from the app, no new windows, no webviews; web links open in the system browser. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (url.startsWith(`${APP_SCHEME}://${APP_HOST}/`)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_SCHEME}://${APP_HOST}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

function openOutside(url: string): void {
  if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
}

async function clipAll(requests: LaunchRequest[]): Promise<void> {
  if (!library) return;
  for (const request of requests) {
    try {
      const result = request.kind === 'url'
        ? await library.import({ kind: 'url', url: request.url })
        : await library.importFile(request.path);
      sendCommand('refresh', result.clip.id);
    } catch (error) {
      const message = isClipdeskError(error) ? error.message : String(error);
      dialog.showErrorBox('Could not clip', `${request.kind === 'url' ? request.url : request.path}\n\n${message}`);
    }
  }
}

function sendCommand(command: ShellCommand, detail?: string): void {
  mainWindow?.webContents.send(SHELL_COMMAND_CHANNEL, command, detail ?? null);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
}
