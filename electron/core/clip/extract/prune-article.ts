import { dropAuthorBio } from './author-bio.js';
import { dropHeadMetadata } from './article-head.js';
import { dropCallsToAction } from './calls-to-action.js';
import { dropDateStamps } from './date-stamps.js';
import { dropTailNotes } from './article-tail.js';
import { dropBoilerplateSections } from './boilerplate-sections.js';
import { dropSideColumns } from './layout-columns.js';
import { dropLinkLists } from './link-lists.js';
import { dropPageControls } from './page-controls.js';
import { dropPostMetaLines } from './post-meta.js';
import { markPhotoCaptions } from './photo-captions.js';
import { dropPhotoCredits } from './photo-credits.js';
import { dropRepeatedCaptions } from './repeated-blocks.js';
import { dropNamedBoxes } from './named-boxes.js';
import { dropSiteLinkLines } from './site-links.js';

/**
 * Removes page furniture Readability left inside the article it picked; titles are the page's and
 * Readability's, pageUrl the page's address (null for a saved file).
 */
export function pruneArticle(root: Element, titles: readonly string[], pageUrl: string | null): void {
  dropSideColumns(root);
  dropNamedBoxes(root);
  dropLinkLists(root);
  dropAuthorBio(root);
  dropSiteLinkLines(root, pageUrl);
  dropBoilerplateSections(root);
  dropCallsToAction(root);
  dropHeadMetadata(root, titles);
  dropTailNotes(root);
  dropPageControls(root);
  dropPostMetaLines(root);
  markPhotoCaptions(root);
  dropPhotoCredits(root);
  dropDateStamps(root);
  dropRepeatedCaptions(root);
}
