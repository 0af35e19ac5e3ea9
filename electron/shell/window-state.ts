/**
 * Remembers where the window was and how big, so Clipdesk reopens as it was left. A saved position
 * that is no longer on any screen (a monitor was unplugged) is dropped instead of opening off-screen.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function loadWindowState(path: string, screens: readonly Area[]): Promise<WindowState> {
  let state: WindowState;
  try {
    state = stateSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return DEFAULT_STATE;
  }
  return isVisible(state, screens) ? state : { ...state, x: undefined, y: undefined };
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFile(path, JSON.stringify(state));
}

function isVisible(state: WindowState, screens: readonly Area[]): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y } = state;
  // The title bar's top-left area must be on some screen for the window to be reachable.
  return screens.some((area) => x + 40 >= area.x && x + 40 < area.x + area.width && y + 10 >= area.y && y + 10 < area.y + area.height);
}
