export { anchor, type Anchor } from './anchor.js';
export { CodePointMap } from './code-points.js';
export { CONTEXT_LENGTH, describeRange } from './describe.js';
export { findAllQuotes, findQuote, matchTextQuote, type TextRange } from './find-quote.js';
export { findSelection } from './find-selection.js';
