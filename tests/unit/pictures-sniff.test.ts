import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageType } from '../../electron/core/pictures/fetch-pictures.js';
import { sniffImage } from '../../electron/core/pictures/sniff-image.js';
import { TINY_IMAGES } from '../helpers/tiny-images.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const latin1 = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'latin1'));

describe('telling a picture from its bytes', () => {
  it('knows png, jpeg, gif, webp, avif and svg by their magic numbers', () => {
    for (const [type, bytes] of Object.entries(TINY_IMAGES)) assert.equal(sniffImage(bytes), type as ImageType);
    assert.equal(sniffImage(latin1('GIF87a\x01\x00\x01\x00')), 'gif');
  });

  it('knows an AVIF image or sequence, also when the AVIF brand is a compatible one, and not a HEIC photo', () => {
    const size = (brands: string): string => `\x00\x00\x00${String.fromCharCode(16 + brands.length)}`;
    const ftyp = (brands: string): Uint8Array => latin1(`${size(brands)}ftypmif1\x00\x00\x00\x00${brands}`);
    assert.equal(sniffImage(ftyp('mif1avifmiaf')), 'avif');
    assert.equal(sniffImage(ftyp('mif1heicmiaf')), null);
    assert.equal(sniffImage(latin1('\x00\x00\x00\x10ftypmif1\x00\x00\x00\x00\x00\x00\x00\x0cavif')), null, 'a brand after the ftyp box');
    assert.equal(sniffImage(latin1('\x00\x00\x00\x18ftypavis\x00\x00\x00\x00avismsf1')), 'avif');
  });

  it('knows SVG after a BOM, white space, an XML declaration, comments and a doctype with an internal subset', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    assert.equal(sniffImage(text(svg)), 'svg');
    assert.equal(sniffImage(text(`\uFEFF\n  ${svg}`)), 'svg');
    const prolog = '<?xml version="1.0" standalone="no"?>\n<!-- Generator: an editor -->\n<?xml-stylesheet href="a.css"?>\n' +
      '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [ <!ENTITY ns "x"> ]>\n';
    assert.equal(sniffImage(text(prolog + svg)), 'svg');
    assert.equal(sniffImage(text('<svg>')), 'svg');
  });

  it('drops text, HTML, a page that merely contains an SVG, and files of other formats', () => {
    const others = [
      '', 'hello', '<html><body><svg></svg></body></html>', '<svgfoo/>', '<!-- <svg> -->', '%PDF-1.4',
      'RIFF\x24\x00\x00\x00WAVEfmt ', '\x89PNG', 'GIF88a', 'PK\x03\x04',
    ];
    for (const other of others) assert.equal(sniffImage(latin1(other)), null, JSON.stringify(other));
  });

  it('reads a picture that is a view into a larger buffer from the view\'s start', () => {
    const padded = new Uint8Array([0, 0, 0, ...TINY_IMAGES.png]);
    assert.equal(sniffImage(padded.subarray(3)), 'png');
    assert.equal(sniffImage(padded.subarray(1)), null);
  });
});
