import { hasBlockChild, isInline, squeeze, visibleLength } from './text-blocks.js';

/** A pitch is a line or two; a longer block that opens the same way is the article's own paragraph. */
const PITCH_CHARS = 250;
/**
 * How a site's pitch to its reader opens: `Click here to subscribe…`, `Subscribe to WIRED and…`,
 * `Join our forums…`, `CLICK HERE TO GET THE FOX NEWS APP`, `Follow us on Twitter`, `Follow AP's full
 * coverage of … at https://…`, `Write to Jane Doe at jane@example.com`, `Enter your email address … alerts`
 * (not `Enter your email address and click Reset`, a how-to's step). "Sign up for…" is left out: deal
 * and how-to articles list such steps as their own text; so are a bare "Join us" and "Follow him", which
 * dialogue and invitations open with.
 */
const PITCH_OPENING = new RegExp(`^(?:${[
  'click (?:here|to tweet)\\b', 'tap here\\b', 'subscribe (?:to|now|today)\\b', 'join (?:our\\b|us (?:on|at)\\b)',
  '(?:get|download) (?:the|our) .{0,40}\\bapp\\b', 'follow (?:us|me|him|her|them) (?:on|at)\\b',
  'follow .{1,40}[\'’]s? (?:full |complete |latest )?coverage\\b', 'write to .{1,60} at \\S+@\\S+',
  'enter (?:your?|you) e-?mail\\b.{0,80}\\b(?:alerts?|newsletters?|subscribe|updates)\\b',
].join('|')})`, 'iu');
/**
 * A pitch that closes a line about something else: `… is out now. Follow him on Twitter @jdoe.` It must be
 * the line's last sentence; a quote that goes on (`"Follow us on Twitter," the mayor urged…`) is the story's.
 */
const SOCIAL_PITCH = /\bfollow (?:us|me|him|her|them) (?:on|at) (?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b[^.!?"”]*[.!]?$/iu;
/**
 * The site's notice on its own text or on itself: `Copyright © 2019 Example News.`, `This document is
 * subject to copyright.`, `This website uses cookies to improve your experience… Accept`.
 */
const SITE_NOTICE = new RegExp(`^(?:${[
  'copyright\\s*[©@]?\\s*\\d{4}\\b', 'this (?:document|article|material|content) is subject to copyright\\b',
  '(?:this|our) (?:web ?)?site uses cookies\\b', 'we use cookies\\b', 'diese (?:website|webseite|seite) verwendet cookies\\b',
  'wir verwenden cookies\\b', 'ce site utilise des cookies\\b', 'nous utilisons des cookies\\b',
  'este (?:sitio|site|portal)(?: web)? utiliza cookies\\b', 'utilizamos cookies\\b',
  'questo sito(?: web)? utilizza (?:i )?cookie\\b', 'utilizziamo (?:i )?cookie\\b', '本网站使用\\s*cookie',
  'by (?:continuing to )?(?:use|using|browse|browsing) (?:this|our) (?:web ?)?site,? you (?:agree|accept|consent)\\b',
].join('|')})`, 'iu');

/**
 * Drops the lines in which the site speaks to its reader rather than telling the story: pitches for
 * its newsletter, app, forums and social accounts, and its copyright and cookie notices, wherever the template set
 * them. Only short lines go, and only by how they open (or by a follow-us pitch at their end): the
 * story may quote such words in a sentence of its own.
 */
export function dropCallsToAction(root: Element): void {
  for (const line of Array.from(root.querySelectorAll('*'))) {
    if (isInline(line) || hasBlockChild(line) || !root.contains(line)) continue;
    const text = squeeze(line.textContent);
    if (visibleLength(text) <= PITCH_CHARS && isCallToAction(text)) line.remove();
  }
}

export function isCallToAction(text: string): boolean {
  return PITCH_OPENING.test(text) || SOCIAL_PITCH.test(text) || SITE_NOTICE.test(text);
}
