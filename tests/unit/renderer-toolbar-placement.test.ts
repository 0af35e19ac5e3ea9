import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeToolbar, visiblePart } from '../../renderer/toolbar-placement.js';

/** A reader pane from x 300 to 900 and y 50 to 750; the toolbar is 170 x 40. */
const AREA = { top: 50, left: 300, bottom: 750, right: 900 };
const WIDTH = 170;
const HEIGHT = 40;

function passage(top: number, left: number, bottom = top + 20, right = left + 80) {
  return { top, left, bottom, right };
}

test('the toolbar sits just above a passage in the middle of the reader, at its left edge', () => {
  assert.deepEqual(placeToolbar(passage(400, 500), WIDTH, HEIGHT, AREA), { top: 400 - 8 - HEIGHT, left: 500 });
});

test('a passage at the top of the reader gets its toolbar below it', () => {
  assert.deepEqual(placeToolbar(passage(60, 500), WIDTH, HEIGHT, AREA), { top: 60 + 20 + 8, left: 500 });
});

test('a passage at the right edge gets a toolbar that ends inside the reader', () => {
  assert.deepEqual(placeToolbar(passage(400, 850, 420, 895), WIDTH, HEIGHT, AREA), { top: 352, left: 900 - 4 - WIDTH });
});

test('a passage scrolled partly above or below the reader still gets a toolbar inside it', () => {
  assert.deepEqual(placeToolbar(passage(-200, 320, 70), WIDTH, HEIGHT, AREA), { top: 78, left: 320 });
  assert.deepEqual(placeToolbar(passage(740, 320, 900), WIDTH, HEIGHT, AREA), { top: 692, left: 320 });
  assert.deepEqual(placeToolbar(passage(1200, 100), WIDTH, HEIGHT, AREA), { top: 750 - 4 - HEIGHT, left: 304 });
});

test('in an area too small for the toolbar its top left corner stays in view', () => {
  assert.deepEqual(placeToolbar(passage(400, 500), WIDTH, HEIGHT, { top: 0, left: 0, bottom: 30, right: 100 }), { top: 4, left: 4 });
});

test('the visible part of a reader taller and wider than the window is the window', () => {
  const reader = { top: -100, left: 200, bottom: 2000, right: 1600 };
  assert.deepEqual(visiblePart(reader, 1280, 720), { top: 0, left: 200, bottom: 720, right: 1280 });
});
