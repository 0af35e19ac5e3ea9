/**
 * A stored picture's name: the SHA-256 of its bytes and the type its bytes were sniffed as, e.g.
 * `3f…a9.jpg`. The name is the only handle the renderer, the hosts and the stored content use, so
 * nothing but a name of this exact form is ever looked up on disk.
 */
export const PICTURE_TYPES = {
  png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml',
} as const;

export type PictureExtension = keyof typeof PICTURE_TYPES;

const PICTURE_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp|avif|svg)$/;

export function isPictureName(name: string): boolean {
  return PICTURE_NAME.test(name);
}

/** The media type a stored picture is served as, by its name; null for anything that is not one. */
export function pictureMediaType(name: string): string | null {
  const extension = PICTURE_NAME.exec(name)?.[1] as PictureExtension | undefined;
  return extension ? PICTURE_TYPES[extension] : null;
}
