/** Electron 45 and its download and build tooling declare Node 22.12 or newer. */
export const ELECTRON_NODE = { major: 22, minor: 12 };

/**
 * Why `npm start` cannot fetch and run Electron on this Node, naming what to install; null when it
 * can. The command line, the browser app and the tests still run on Node 20.19+.
 */
export function nodeTooOldForElectron(version: string): string | null {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > ELECTRON_NODE.major || (major === ELECTRON_NODE.major && minor >= ELECTRON_NODE.minor)) return null;
  return `Node ${version} is too old to fetch it: install Node ${ELECTRON_NODE.major}.${ELECTRON_NODE.minor}+ or 24 ` +
    '(https://nodejs.org), then npm start again';
}
