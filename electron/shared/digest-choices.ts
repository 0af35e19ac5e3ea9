/**
 * The choices a press review offers, as plain constants: the CLI, the window and the schemas in
 * api.ts all list them from here.
 */

/** How the table of contents and the items are grouped (`none`: one run of items). */
export const DIGEST_GROUPS = ['tag', 'source', 'date', 'none'] as const;
export type DigestGroup = (typeof DIGEST_GROUPS)[number];

/** What each item shows: the user's highlights with their notes, the excerpt, or the whole article. */
export const DIGEST_CONTENTS = ['highlights', 'excerpt', 'full'] as const;
export type DigestContent = (typeof DIGEST_CONTENTS)[number];

/** Items newest first, or in the order the user arranged them in the window. */
export const DIGEST_ORDERS = ['date', 'arranged'] as const;
export type DigestOrder = (typeof DIGEST_ORDERS)[number];

/** The paper a PDF is printed on. */
export const PAPERS = ['a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];

/** The most items one digest holds: a press review of more is a book, and its PDF would take minutes. */
export const MAX_DIGEST_ITEMS = 1000;
