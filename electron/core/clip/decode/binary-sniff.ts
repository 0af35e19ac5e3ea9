/**
 * Telling binary files from text before decoding them: servers label images and archives text/html,
 * people save PDFs as .html, and decoding those yields a clip of mojibake instead of an error.
 */
const SIGNATURES: ReadonlyArray<readonly [kind: string, magic: readonly number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a RIFF file (WebP, WAV, AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['a program', [0x7f, 0x45, 0x4c, 0x46]],
];
const PROBE_BYTES = 1024;
/** Tab, line feed, form feed, carriage return, and escape (ISO-2022-JP switches charsets with it). */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);

/** What binary content `bytes` look like ("a PNG image", "binary data"), or null when they may be text. */
export function binaryKind(bytes: Uint8Array): string | null {
  const signature = SIGNATURES.find(([, magic]) => magic.every((byte, i) => bytes[i] === byte));
  if (signature) return signature[0];
  if (hasUtf16Bom(bytes)) return null;
  const probe = bytes.subarray(0, PROBE_BYTES);
  // Text has no NUL and next to no other control characters; even one NUL means binary or UTF-16 without a BOM.
  const controls = probe.filter((byte) => byte < 0x20 && !TEXT_CONTROLS.has(byte)).length;
  return probe.includes(0) || controls * 20 > probe.length ? 'binary data' : null;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
