/**
 * What a launch asks Clipdesk to clip: a `clipdesk://clip?url=…` deep link, a web address, or a file,
 * given on the command line (first launch, or handed over by a second launch). Pure, so it is tested
 * in plain Node.
 */
import { isAbsolute, resolve } from 'node:path';
import { clippableKind } from '../shared/clippable-files.js';

export type LaunchRequest = { kind: 'url'; url: string } | { kind: 'file'; path: string };

export function launchRequests(argv: readonly string[], workingDirectory: string): LaunchRequest[] {
  return argv.flatMap((arg) => {
    const request = requestOf(arg, workingDirectory);
    return request ? [request] : [];
  });
}

function requestOf(arg: string, workingDirectory: string): LaunchRequest | null {
  if (arg.startsWith('-')) return null; // Chromium and Electron switches
  if (/^clipdesk:/i.test(arg)) return deepLink(arg);
  if (/^https?:\/\//i.test(arg)) return { kind: 'url', url: arg };
  if (clippableKind(arg)) {
    return { kind: 'file', path: isAbsolute(arg) ? arg : resolve(workingDirectory, arg) };
  }
  return null;
}

/** `clipdesk://clip?url=https%3A%2F%2F…` clips that page; anything else is ignored, not guessed at. */
function deepLink(link: string): LaunchRequest | null {
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return null;
  }
  const url = parsed.searchParams.get('url');
  const action = (parsed.host || parsed.pathname.replace(/^\/+/, '')).toLowerCase();
  return action === 'clip' && url && /^https?:\/\//i.test(url) ? { kind: 'url', url } : null;
}
