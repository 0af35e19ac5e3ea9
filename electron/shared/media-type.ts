/** The media type of a Content-Type header, lower-cased and without parameters ("application/json"). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
