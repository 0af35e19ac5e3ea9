import { css } from 'lit';

/** The window's grid (header; navigation, main and reader side by side), its header and its drop overlay. */
export const appStyles = css`
  :host {
    display: grid; height: 100vh; overflow: hidden;
    grid-template: 'header header header' auto 'nav main aside' minmax(0, 1fr) / 15rem minmax(0, 1fr) auto;
  }
  header {
    grid-area: header; display: flex; gap: 1rem; align-items: center;
    padding: 0.5rem 1rem; border-bottom: 1px solid var(--border); background: var(--surface);
  }
  .brand { font-weight: 700; font-size: 1.1rem; }
  search-bar { flex: 1; max-width: 40rem; }
  .busy { display: flex; gap: 0.5rem; align-items: center; color: var(--muted); font-size: 0.9rem; }
  nav {
    grid-area: nav; overflow-y: auto; padding: 0.75rem 0.75rem 0; border-right: 1px solid var(--border); background: var(--surface);
    display: flex; flex-direction: column;
  }
  library-nav { flex: 1 0 auto; }
  /* The foot of the side panel, in view however long the tag list is. */
  sync-indicator { position: sticky; bottom: 0; padding: 0.5rem 0 0.75rem; background: var(--surface); }
  main { grid-area: main; display: flex; flex-direction: column; min-height: 0; position: relative; }
  main[hidden] { display: none; }
  button {
    font: inherit; color: var(--text); background: var(--surface-raised);
    border: 1px solid var(--border); border-radius: 0.35rem; padding: 0.35rem 0.8rem; cursor: pointer;
  }
  button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); font-weight: 600; }
  .drop { position: fixed; inset: 0; z-index: 30; display: grid; place-items: center; pointer-events: none;
    background: rgb(0 0 0 / 0.35); color: #fff; font-size: 1.5rem; font-weight: 700; }
`;
