import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dropAuthorBio } from '../../electron/core/clip/extract/author-bio.js';
import { dropCallsToAction } from '../../electron/core/clip/extract/calls-to-action.js';
import { dropNamedBoxes } from '../../electron/core/clip/extract/named-boxes.js';
import { dropSiteLinkLines } from '../../electron/core/clip/extract/site-links.js';
import { parseDocument } from '../../electron/core/clip/parse/dom-window.js';
import { nodeToText } from '../../electron/core/clip/sanitize/html-to-text.js';

/** An article container as Readability hands it over: a <div> holding the given markup. */
function article(html: string): Element {
  const root = parseDocument(`<body><div>${html}</div></body>`).body.firstElementChild;
  assert.ok(root);
  return root;
}

const ENGLISH = 'The council approved the budget on Friday after a long debate about roads, schools and the new library, ' +
  'which opens next spring.';

describe('dropping boxes the markup names: sign-ups and breadcrumb trails', () => {
  it('drops a box the markup names a newsletter sign-up, and one with a sign-up id', () => {
    const root = article(`<div data-test="newsletter-signup"><h2>Breaking News Emails</h2><p>Get alerts, delivered weekday mornings.</p>
      <p><a href="/newsletters">SUBSCRIBE</a></p></div><p>${ENGLISH}</p><div id="emailSignup"><p>Let our news meet your inbox.</p></div>`);
    dropNamedBoxes(root);
    assert.equal(nodeToText(root), ENGLISH);
  });

  it('keeps text that speaks of signing up when the markup does not name a box, and a long element so named', () => {
    const pitch = '<p>Sign up for the Disney+ bundle using the same email as your Hulu account.</p>';
    const wrapper = `<div id="subscription-content"><p>${ENGLISH}</p><p>${ENGLISH}</p><p>${ENGLISH}</p><p>${ENGLISH}</p></div>`;
    const root = article(`${pitch}${wrapper}`);
    dropNamedBoxes(root);
    assert.match(nodeToText(root), /Sign up for the Disney\+ bundle/);
    assert.equal(nodeToText(root).split(ENGLISH).length, 5);
  });

  it('drops a breadcrumb trail named by its id, ARIA label or microdata type, and keeps a long element so named', () => {
    const trail = (attribute: string): string => `<nav ${attribute}><a href="/">Home</a> › <a href="/news">Latest News</a></nav>`;
    const wrapper = `<div id="breadcrumb-page"><p>${ENGLISH}</p><p>${ENGLISH}</p><p>${ENGLISH}</p></div>`;
    const root = article(`${trail('id="breadcrumb"')}${trail('aria-label="Breadcrumb"')}
      ${trail('itemtype="https://schema.org/BreadcrumbList"')}<p>${ENGLISH}</p><p>Bread crumbs and butter.</p>${wrapper}`);
    dropNamedBoxes(root);
    assert.doesNotMatch(nodeToText(root), /Latest News/);
    assert.match(nodeToText(root), /Bread crumbs and butter/);
    assert.equal(nodeToText(root).split(ENGLISH).length, 5);
  });
});

describe('dropping the site\'s calls to action', () => {
  it('drops pitches for the newsletter, app, forums and social accounts, and the copyright notice, wherever they sit', () => {
    const root = article(`<p>${ENGLISH}</p><p><a href="/newsletter">Click here to subscribe to the Morning Brief</a></p>
      <p><strong><a href="https://app.example.net/x">GET THE EXAMPLE NEWS APP</a></strong></p><p>${ENGLISH}</p>
      <p>Anna Berg's new book on rivers is out now. Follow her on Twitter @annaberg.</p>
      <p>Join our forums to keep talking about the city!</p><p>Follow Example's full coverage of the election at https://example.com/vote</p>
      <p>Write to Anna Berg at anna.berg@example.com</p><p>Copyright © 2019 Example News. All rights reserved.</p>
      <p>Enter you email address and zip code to set up customized email alerts.</p>`);
    dropCallsToAction(root);
    assert.equal(nodeToText(root), `${ENGLISH}\n\n${ENGLISH}`);
  });

  it('drops the cookie notice a page leaves at its foot, in several languages, and keeps a story about cookies', () => {
    const root = article(`<p>${ENGLISH}</p><p><span>This website uses cookies to improve your experience. We'll assume
      you're ok with this, but you can opt-out if you wish.<a id="cookie_close">Accept</a> <a href="/c">Read More</a></span></p>
      <p>We use cookies and similar technologies to personalise content.</p>
      <p>By continuing to use this site, you agree to our use of cookies.</p>
      <p>Diese Website verwendet Cookies. <a href="/ok">OK</a></p><p>Ce site utilise des cookies pour améliorer votre expérience.</p>
      <p>The regulator said the website uses cookies to track readers across other sites.</p>`);
    dropCallsToAction(root);
    assert.equal(nodeToText(root), `${ENGLISH}\n\nThe regulator said the website uses cookies to track readers across other sites.`);
  });

  it('keeps a paragraph that only mentions such words, a long paragraph that opens with them, a step to sign up and dialogue', () => {
    const quoted = '<p>"Follow us on Twitter," the mayor urged residents, after the city\'s website went down on Monday.</p>';
    const long = `<p>Join our readers in the hall next week: ${ENGLISH} ${ENGLISH} ${ENGLISH}</p>`;
    const steps = '<p>Sign up for the museum pass with your library card.</p><p>Follow him to the station, she said.</p>' +
      '<p>Join us in the square.</p><p>Enter your email address and click Reset.</p>';
    const root = article(`${quoted}${long}${steps}`);
    dropCallsToAction(root);
    assert.match(nodeToText(root), /the mayor urged[\s\S]*Join our readers[\s\S]*Sign up for the museum pass[\s\S]*Follow him[\s\S]*Join us/);
    assert.match(nodeToText(root), /Enter your email address and click Reset/);
  });
});

describe('dropping the author box', () => {
  it('drops a name line and the note that opens with it, with the box heading', () => {
    const root = article(`<p>${ENGLISH}</p><div><h2>About the Author</h2><div><h3><a href="/author/td">Trevor Daugherty</a></h3>
      <p>Trevor Daugherty is the Senior Editor of 9to5Toys. Since joining in 2014, he has specialized in product reviews.</p></div></div>`);
    dropAuthorBio(root);
    assert.equal(nodeToText(root), ENGLISH);
  });

  it('drops a note that opens with the first name only', () => {
    const root = article(`<p>${ENGLISH}</p><div><h4>Emiliano Bellini</h4><div><p>Emiliano joined pv magazine in March 2017.</p>
      <p><a href="/author/eb">More articles from Emiliano Bellini</a></p></div></div>`);
    dropAuthorBio(root);
    assert.equal(nodeToText(root), ENGLISH);
  });

  it('keeps a profile of a person within the article, and a note about someone other than the named person', () => {
    const profile = `<div><h3>Jane Smith</h3><p>Jane Smith is the mayor of the town and led the budget talks.</p></div>`;
    const inside = article(`<p>${ENGLISH}</p>${profile}<p>${ENGLISH}</p>`);
    dropAuthorBio(inside);
    assert.match(nodeToText(inside), /Jane Smith is the mayor/);
    const other = article(`<p>${ENGLISH}</p><div><h3>Jane Smith</h3><p>John Brown is the treasurer of the town council.</p></div>`);
    dropAuthorBio(other);
    assert.match(nodeToText(other), /John Brown is the treasurer/);
  });

  it('drops a box above the story that links to the writer’s page, not a profile that opens an interview', () => {
    const box = '<div><a href="/author/alexia-tsotsis/">View Author Page</a><p>Alexia Tsotsis currently works for TechCrunch as ' +
      'a writer. She is also a blogger. <a href="/author/alexia-tsotsis/">Learn More</a></p></div>';
    const top = article(`${box}<p>${ENGLISH}</p><p>${ENGLISH}</p>`);
    dropAuthorBio(top);
    assert.equal(nodeToText(top), `${ENGLISH}\n\n${ENGLISH}`);
    const interview = article(`<div><h3>Jane Smith</h3><p>Jane Smith is the mayor of the town and led the budget talks.</p></div>
      <p>${ENGLISH}</p><p>${ENGLISH}</p>`);
    dropAuthorBio(interview);
    assert.match(nodeToText(interview), /Jane Smith is the mayor/);
  });

  it('keeps a closing sentence that opens with a name when no line names that person', () => {
    const root = article(`<p>${ENGLISH}</p><p>Phil Helsel is expected to testify before the committee next week.</p>`);
    dropAuthorBio(root);
    assert.match(nodeToText(root), /Phil Helsel is expected/);
  });
});

describe('dropping headlines of the same site set between paragraphs', () => {
  const page = 'https://www.example.com/entertainment/swift-feud';

  it('drops a line that is only a link to another page of the site, relative or absolute', () => {
    const root = article(`<p>${ENGLISH}</p><p><strong><a href="https://example.com/entertainment/amas-report">SWIFT CLEARED TO PERFORM AT AMAs</a></strong></p>
      <h4><a href="/news/other-story">Plague fears: holidaymakers quarantined</a></h4><p>${ENGLISH}</p>`);
    dropSiteLinkLines(root, page);
    assert.equal(nodeToText(root), `${ENGLISH}\n\n${ENGLISH}`);
  });

  it('keeps a link line to another site, a link inside a sentence, a short label and a link to the page itself', () => {
    const lines = ['<p><a href="https://www.justice.gov/usao/pr/statement">Read the prosecutors\' full statement</a></p>',
      '<p>The statement was <a href="/news/statement">published on Friday</a> by the council.</p>',
      '<p><a href="/comments">Comments</a></p>', '<p><a href="/entertainment/swift-feud#top">Back to the start of this story</a></p>'];
    const root = article(lines.join(''));
    dropSiteLinkLines(root, page);
    assert.equal(root.querySelectorAll('p').length, 4);
  });

  it('drops a line that is the page\'s own address written out (a print header), not another address or a sentence with it', () => {
    const root = article(`<div class="print-header"><img src="/logo.png" alt="logo"><span>https://www.example.com/entertainment/swift-feud</span></div>
      <p>${ENGLISH}</p><p>https://example.com/entertainment/swift-feud/</p><p>https://www.example.com/entertainment/amas-report</p>
      <p>The full ruling is at https://www.example.com/entertainment/swift-feud for readers.</p>`);
    dropSiteLinkLines(root, page);
    assert.equal(nodeToText(root),
      `${ENGLISH}\n\nhttps://www.example.com/entertainment/amas-report\n\nThe full ruling is at https://www.example.com/entertainment/swift-feud for readers.`);
  });

  it('leaves everything when the page has no address', () => {
    const root = article('<p><a href="/news/other-story">Plague fears: holidaymakers quarantined</a></p>');
    dropSiteLinkLines(root, null);
    assert.match(nodeToText(root), /Plague fears/);
  });
});
