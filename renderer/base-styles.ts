import { css } from 'lit';

/** What every component shares: border-box sizing (page CSS does not reach into shadow roots) and one focus ring. */
export const baseStyles = css`
  *, *::before, *::after { box-sizing: border-box; }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
`;
