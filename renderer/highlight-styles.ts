import { css } from 'lit';

export { HIGHLIGHT_COLORS } from '../electron/shared/highlight-colors.js';

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
