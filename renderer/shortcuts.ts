import type { ClipPatch, ClipSummary } from '../electron/api.js';

export type Command =
  | 'search' | 'next' | 'previous' | 'down' | 'up' | 'open' | 'close' | 'tag' | 'highlight' | 'star' | 'archive' | 'read' | 'trash'
  | 'pick' | 'help';

const KEYS: Record<string, Command> = {
  '/': 'search', '?': 'help', j: 'next', k: 'previous', t: 'tag', h: 'highlight', s: 'star', e: 'archive', m: 'read',
  x: 'pick', Delete: 'trash', Escape: 'close',
};
/**
 * These keys mean something to whatever has focus (a button, a link): they are shortcuts only when nothing does.
 * The arrows move the list's row, as `j`/`k` do, but never open another clip while reading: there they scroll.
 */
const UNFOCUSED_KEYS: Record<string, Command> = { ArrowDown: 'down', ArrowUp: 'up', Enter: 'open' };
/** The Electron menu's commands (electron/shell/menu.ts) that are also keyboard shortcuts. */
const MENU_COMMANDS: Record<string, Command> = {
  'focus-search': 'search', 'show-shortcuts': 'help', star: 'star', trash: 'trash', highlight: 'highlight', tag: 'tag',
};

/**
 * The window-wide shortcut a key press stands for, if any. Single keys never count while someone is
 * typing in a field or working in a dialog; Ctrl/Cmd+F (search) works everywhere.
 */
export function commandFor(event: KeyboardEvent): Command | null {
  if (event.defaultPrevented) return null;
  const modified = event.ctrlKey || event.metaKey;
  if (modified && !event.altKey && event.key.toLowerCase() === 'f') return 'search';
  const path = event.composedPath();
  if (modified || event.altKey || isTyping(path[0]) || path.some((node) => node instanceof HTMLDialogElement)) return null;
  const unfocused = path[0] === document.body || path[0] === document.documentElement;
  return KEYS[event.key] ?? (unfocused ? (UNFOCUSED_KEYS[event.key] ?? null) : null);
}

function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

/** The change a command makes to a clip (star, archive, mark read: each undoes itself), if it is one. */
export function patchFor(command: Command, clip: ClipSummary): ClipPatch | null {
  switch (command) {
    case 'star': return { starred: !clip.starred };
    case 'archive': return { readState: clip.readState === 'archived' ? 'unread' : 'archived' };
    case 'read': return { readState: clip.readState === 'unread' ? 'read' : 'unread' };
    default: return null;
  }
}

/** The shortcut a command of the native menu stands for, if it is one. */
export function menuCommand(name: string): Command | null {
  return Object.hasOwn(MENU_COMMANDS, name) ? (MENU_COMMANDS[name] ?? null) : null;
}
