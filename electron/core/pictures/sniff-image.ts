/**
 * What a picture is, told from its bytes alone: servers label pictures wrongly (and pages point at
 * HTML error pages), so the declared Content-Type decides nothing.
 */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

/** Enough of the start for every magic number and an AVIF `ftyp` box's list of brands. */
const HEAD_BYTES = 256;
/** How far into an SVG file its root element may start, after declarations and comments. */
const SVG_PROBE_BYTES = 64 * 1024;
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** What may stand before an SVG's root: white space, the XML declaration and other processing instructions, comments, a doctype. */
const XML_PROLOG = /^(?:\s|<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE[^[>]*(?:\[[^]*?\])?\s*>)*/i;

/** The image format `bytes` hold, or null when they are no picture Clipdesk keeps. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES));
  const text = head.toString('latin1');
  if (text.startsWith('\x89PNG\r\n\x1a\n')) return 'png';
  if (text.startsWith('\xff\xd8\xff')) return 'jpeg';
  if (text.startsWith('GIF87a') || text.startsWith('GIF89a')) return 'gif';
  if (text.startsWith('RIFF') && text.startsWith('WEBP', 8)) return 'webp';
  if (isAvif(head)) return 'avif';
  return isSvg(bytes) ? 'svg' : null;
}

/** AVIF is an ISO media file whose leading `ftyp` box names an AVIF brand, as its major or a compatible brand. */
function isAvif(head: Buffer): boolean {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return false;
  const end = Math.min(head.readUInt32BE(0), head.length);
  // Brands are 4 bytes each from offset 8; offset 12 holds the minor version, not a brand.
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at !== 12 && AVIF_BRANDS.has(head.toString('latin1', at, at + 4))) return true;
  }
  return false;
}

/** SVG is text (UTF-8, a BOM allowed) whose first element is `<svg`. */
function isSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes.subarray(0, SVG_PROBE_BYTES));
  return /^<svg[\s/>]/.test(text.replace(XML_PROLOG, ''));
}
