/**
 * Finds the system's Chromium (or Chrome, or Edge) for the CLI and the web host to print with: the
 * path the user set, else the usual install places of the platform. Clipdesk never downloads a browser.
 */
import { access, constants } from 'node:fs/promises';
import { ClipdeskError } from '../errors.js';

export const INSTALL_HINT =
  'install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or Google Chrome, or set CLIPDESK_CHROMIUM to its path';

const USUAL_PLACES: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge', '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/**
 * Where to look, in order. A path the user set is the only candidate: falling back past it would
 * hide a typo behind some other browser.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): readonly string[] {
  const chosen = env.CLIPDESK_CHROMIUM || env.CHROMIUM_PATH;
  return chosen ? [chosen] : USUAL_PLACES[platform] ?? [];
}

export async function findChromium(env = process.env, platform = process.platform): Promise<string> {
  const candidates = chromiumCandidates(env, platform);
  for (const path of candidates) {
    if (await isExecutable(path)) return path;
  }
  const looked = candidates.length ? ` (looked at ${candidates.join(', ')})` : '';
  throw new ClipdeskError('PRINT_FAILED', `No Chromium to print the PDF with${looked}: ${INSTALL_HINT}.`);
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
