/**
 * The native menu: the app's own commands and its keyboard shortcuts, so they can be found and
 * learned from the menu bar. Commands the renderer owns (search, star, trash…) are sent to it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellCommand } from '../api.js';

/** The commands a menu item sends to the window; the rest of ShellCommand comes from the main process. */
export type RendererCommand = Exclude<ShellCommand, 'refresh' | 'show-bookmarklet'>;

export interface MenuActions {
  clipFromClipboard(): Promise<void>;
  openLibraryFolder(): void;
  showBookmarklet(): void;
  about(): void;
  send(command: RendererCommand): void;
}

export function menuTemplate(actions: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  const renderer = (label: string, command: RendererCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label, accelerator, click: () => actions.send(command),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        renderer('Add Clip…', 'add-clip', 'CmdOrCtrl+N'),
        renderer('Import from Another App…', 'import-library'),
        renderer('Export…', 'export', 'CmdOrCtrl+Shift+E'),
        renderer('Make a Press Review…', 'press-review', 'CmdOrCtrl+Shift+P'),
        { label: 'Clip URL from Clipboard', accelerator: 'CmdOrCtrl+Shift+V', click: () => void actions.clipFromClipboard() },
        { label: 'Browser Bookmarklet…', click: () => actions.showBookmarklet() },
        renderer('Sync Settings…', 'sync-settings', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        { label: 'Open Library Folder', click: () => actions.openLibraryFolder() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&Clip',
      submenu: [
        renderer('Find…', 'focus-search', 'CmdOrCtrl+F'),
        renderer('Highlight Selection', 'highlight'),
        renderer('Edit Tags', 'tag'),
        renderer('Star / Unstar', 'star'),
        renderer('Move to Trash', 'trash'),
      ],
    },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        renderer('Keyboard Shortcuts', 'show-shortcuts'),
        { label: 'About Clipdesk', click: () => actions.about() },
      ],
    },
  ];
}
