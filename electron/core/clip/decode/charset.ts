import { createRequire } from 'node:module';
import chardet from 'chardet';

/** Where the encoding of a byte stream came from, strongest first. */
export type CharsetSource = 'bom' | 'transport' | 'meta' | 'utf8' | 'detected' | 'default';

export interface DecodedText {
  text: string;
  /** The name TextDecoder used, e.g. "utf-8", "gb18030", "big5". */
  encoding: string;
  source: CharsetSource;
}

type Sniffer = (bytes: Uint8Array, options: { defaultEncoding: string }) => string;
const sniffHtmlEncoding = createRequire(import.meta.url)('html-encoding-sniffer') as Sniffer;

const NO_META = 'clipdesk-no-meta';
const MULTI_BYTE = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'iso-2022-jp']);
const DETECTION_SAMPLE = 256 * 1024;

/** Decodes an HTML page: BOM > HTTP charset > <meta> prescan > valid UTF-8 > chardet > windows-1252. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  const declared = toDecoderEncoding(charsetFromContentType(contentType));
  if (declared) return decodeDeclared(bytes, declared, 'transport');
  const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: NO_META });
  const meta = sniffed === NO_META ? null : toDecoderEncoding(sniffed);
  if (meta) return decodeDeclared(bytes, meta, 'meta');
  return decodeUndeclared(bytes);
}

/** Decodes plain text: BOM > HTTP charset > valid UTF-8 > chardet > windows-1252. */
export function decodeText(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  const declared = toDecoderEncoding(charsetFromContentType(contentType));
  return declared ? decodeDeclared(bytes, declared, 'transport') : decodeUndeclared(bytes);
}

/** The `charset` parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return match?.[2] ?? null;
}

/**
 * The TextDecoder name for an encoding label, or null when the label is unknown. GB2312 and GBK
 * pages in the wild use GB18030 code points, so every label of that family decodes as gb18030.
 */
export function toDecoderEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding === 'gbk' ? 'gb18030' : encoding;
  } catch {
    return null;
  }
}

function decodeWithBom(bytes: Uint8Array): DecodedText | null {
  const [b0, b1, b2] = bytes;
  const encoding =
    b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? 'utf-8'
      : b0 === 0xfe && b1 === 0xff ? 'utf-16be'
        : b0 === 0xff && b1 === 0xfe ? 'utf-16le'
          : null;
  return encoding ? { text: new TextDecoder(encoding).decode(bytes), encoding, source: 'bom' } : null;
}

/**
 * Declarations are wrong both ways. Pages that declare UTF-8 but are mostly not (a common mistake of
 * old CMSes) are detected instead. Pages that declare another charset but are valid UTF-8 with some
 * non-ASCII in them are UTF-8: servers label every page ISO-8859-1 or GBK by default, while text in
 * those charsets is all but never valid UTF-8 by chance.
 */
function decodeDeclared(bytes: Uint8Array, encoding: string, source: CharsetSource): DecodedText {
  if (encoding !== 'utf-8' && !isAscii(bytes) && isValidUtf8(bytes)) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'utf8' };
  }
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding === 'utf-8' && looksMisdeclared(text)) {
    const undeclared = decodeUndeclared(bytes);
    if (undeclared.source === 'detected' && (MULTI_BYTE.has(undeclared.encoding) || !hasIntactNonAscii(text))) return undeclared;
  }
  return { text, encoding, source };
}

/**
 * A Latin-1 page declared UTF-8 has not a single intact accented letter; a UTF-8 page with a few
 * broken bytes keeps its other ones, and reads better as UTF-8 than as whatever chardet guesses.
 */
function hasIntactNonAscii(text: string): boolean {
  return /[\u0080-\uFFFC\uFFFE\uFFFF]/.test(text);
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte < 0x80);
}

/** Many replacement characters among the non-ASCII ones: the bytes are not UTF-8 at all. */
function looksMisdeclared(text: string): boolean {
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements === 0) return false;
  const nonAscii = text.match(/[\u0080-\uFFFF]/g)?.length ?? 0;
  return replacements * 5 > nonAscii;
}

function decodeUndeclared(bytes: Uint8Array): DecodedText {
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'utf8' };
  const detected = toDecoderEncoding(detectEncoding(bytes));
  if (detected && detected !== 'utf-8') {
    return { text: new TextDecoder(detected).decode(bytes), encoding: detected, source: 'detected' };
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', source: 'default' };
}

function detectEncoding(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, DETECTION_SAMPLE);
  return chardet.detect(sample);
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
