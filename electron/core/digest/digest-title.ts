/** The title a press review gets when the user gives none. */
export const DEFAULT_DIGEST_TITLE = 'Press review';
