import { css } from 'lit';

/** The reader's look: a reading column, its metadata and actions, and the article typeset for reading. */
export const readerStyles = css`
  :host { display: block; height: 100%; overflow-y: auto; }
  .column { max-width: 70ch; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
  .bar { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin-bottom: 0.75rem; }
  .bar .spacer { flex: 1; }
  button {
    font: inherit; font-size: 0.9rem; color: var(--text); background: var(--surface);
    border: 1px solid var(--border); border-radius: 0.35rem; padding: 0.3rem 0.7rem; cursor: pointer;
  }
  button:hover { background: var(--selected); }
  :focus-visible { outline-offset: 2px; }
  button[aria-pressed='true'] { color: var(--star); border-color: currentColor; }
  h1 { font-family: var(--font-reading); font-size: 1.9rem; line-height: 1.3; margin: 0.5rem 0; }
  .title-row { display: flex; gap: 0.5rem; align-items: baseline; }
  .title-row button { flex: none; }
  .title-input {
    font: inherit; font-size: 1.5rem; width: 100%; padding: 0.2rem 0.4rem;
    background: var(--bg); color: var(--text); border: 1px solid var(--border); border-radius: 0.3rem;
  }
  .meta { color: var(--muted); display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0 0 0.8rem; padding: 0; list-style: none; }
  .meta button { font-size: inherit; padding: 0 0.5rem; }
  a { color: var(--accent); }
  label { display: block; font-size: 0.85rem; color: var(--muted); margin: 0.8rem 0 0.25rem; }
  textarea {
    width: 100%; min-height: 3.2rem; font: inherit; padding: 0.4rem 0.6rem; background: var(--bg); color: var(--text);
    border: 1px solid var(--border); border-radius: 0.35rem; resize: vertical;
  }
  hr { border: 0; border-top: 1px solid var(--border); margin: 1.5rem 0; }
  .content { font-family: var(--font-reading); font-size: 1.125rem; line-height: 1.7; overflow-wrap: break-word; }
  .content:lang(zh), .content:lang(ja) { line-height: 1.85; }
  .content img { max-width: 100%; height: auto; }
  .content figure { margin: 1.5rem 0; }
  .content figcaption, .content caption { color: var(--muted); font-size: 0.9rem; line-height: 1.5; }
  .content table { border-collapse: collapse; margin: 1rem 0; font-size: 1rem; }
  .content th, .content td { border-bottom: 1px solid var(--border); padding: 0.3rem 0.8rem 0.3rem 0; text-align: left; }
  .content pre { overflow-x: auto; white-space: pre-wrap; }
  .content blockquote { border-left: 3px solid var(--border); margin-left: 0; padding-left: 1rem; color: var(--muted); }
  .toolbar {
    position: fixed; z-index: 10; display: flex; gap: 0.3rem; padding: 0.3rem; border-radius: 0.5rem;
    background: var(--surface-raised); border: 1px solid var(--border); box-shadow: var(--shadow);
  }
  .notice { color: var(--muted); font-size: 0.9rem; }
  .swatch { width: 1.8rem; height: 1.8rem; padding: 0; border-radius: 50%; border: 2px solid var(--border); }
`;
