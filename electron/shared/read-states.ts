/**
 * Where a clip stands in the reading, as read-it-later apps keep it: new clips are unread; read ones
 * stay in the library; archived ones are done with, kept for search.
 */
export const READ_STATES = ['unread', 'read', 'archived'] as const;
export type ReadState = (typeof READ_STATES)[number];
