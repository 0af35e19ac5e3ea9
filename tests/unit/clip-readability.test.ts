import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readability } from '@mozilla/readability';
import { readArticle } from '../../electron/core/clip/extract/readability-article.js';
import { parseDocument } from '../../electron/core/clip/parse/dom-window.js';

const LEAD = '去年秋天，我们在长沙住了三个星期，每天都去不同的馆子，尝遍了街头巷尾的小吃。';
const DISHES = '湘菜浓妆淡抹，粤菜却是明艳照人，家乡炖的老鸡汤香味浓郁，清润有益，成为主打新菜之一。';
/** A Chinese article whose middle block shows two photos above a dozen full-width commas of text. */
const PAGE = `<html><head><title>湘菜粤菜兵分两路</title></head><body><div id="main">
  <p>${LEAD.repeat(6)}</p><p>${LEAD.repeat(6)}</p>
  <table><tr><td><img src="a.jpg"><img src="b.jpg">${DISHES.repeat(4)}</td></tr></table>
  <p>${LEAD.repeat(6)}</p></div></body></html>`;

describe('running Readability on Chinese pages', () => {
  it('keeps a text block with two images when its text has Chinese commas', () => {
    const article = readArticle(parseDocument(PAGE));
    assert.match(article?.root.textContent ?? '', /老鸡汤/);
  });

  it('needs the comma fix: unpatched Readability drops that block', () => {
    // Guards the fix against a Readability upgrade that renames what it replaces, or fixes it upstream.
    const article = new Readability(parseDocument(PAGE)).parse();
    assert.doesNotMatch(article?.textContent ?? '', /老鸡汤/);
  });
});
