import { css } from 'lit';
import type { HighlightColor } from '../electron/api.js';

// Listed here (the contract's HIGHLIGHT_COLORS is a value, and the renderer imports only types);
// the Record type makes the compiler report a colour added to the contract but missing here.
const COLOR_ORDER: Record<HighlightColor, number> = { yellow: 0, green: 1, blue: 2, pink: 3, purple: 4 };
export const HIGHLIGHT_COLORS = Object.keys(COLOR_ORDER) as HighlightColor[];

/** Highlight colours, shared by the reader's marks, its colour toolbar and the annotation panel. */
export const highlightStyles = css`
  .hl { color: var(--hl-text); border-radius: 0.15em; }
  .hl-yellow { background: var(--hl-yellow); }
  .hl-green { background: var(--hl-green); }
  .hl-blue { background: var(--hl-blue); }
  .hl-pink { background: var(--hl-pink); }
  .hl-purple { background: var(--hl-purple); }
  .flash { animation: flash 1.4s ease-out; }
  @keyframes flash { 0%, 40% { outline: 3px solid var(--accent); outline-offset: 2px; } 100% { outline: 3px solid transparent; } }
  @media (prefers-reduced-motion: reduce) { .flash { animation: none; outline: 3px solid var(--accent); } }
`;
