/**
 * In-page helpers, injected as source text (an init script, which the app's CSP allows): functions
 * passed to page.evaluate are compiled by tsx, which names inner functions through a `__name` helper
 * that does not exist in the page, so only one-line calls into these cross over.
 *   benchList(label): the listbox named `label`, searched through open shadow roots.
 *   benchShown(label, text, status): performance.now() once its first row shows `text` and a status
 *     line starts with `status` (if given), else false.
 *   benchScroll(): requestAnimationFrame deltas while the clip list scrolls 400 px a frame, 150 frames;
 *     then back to the top.
 */
export const PAGE_HELPERS = `
  function benchDeepAll(root, selector) {
    const found = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...benchDeepAll(element.shadowRoot, selector));
    return found;
  }
  globalThis.benchList = (label) =>
    benchDeepAll(document, '[role="listbox"]').find((element) => element.getAttribute('aria-label') === label);
  globalThis.benchShown = (label, text, status) => {
    const shown = benchList(label)?.querySelector('[role="option"][aria-posinset="1"]')?.textContent?.includes(text);
    const said = !status || benchDeepAll(document, '[role="status"]').some((element) => element.textContent.trim().startsWith(status));
    return shown && said ? performance.now() : false;
  };
  globalThis.benchScroll = () => new Promise((resolve) => {
    const list = benchList('Clips');
    const deltas = [];
    let last = performance.now();
    requestAnimationFrame(function frame(now) {
      deltas.push(now - last);
      last = now;
      list.scrollTop += 400;
      if (deltas.length < 150) requestAnimationFrame(frame);
      else {
        list.scrollTop = 0;
        resolve(deltas.slice(1));
      }
    });
  });
  addEventListener('input', () => { globalThis.benchLastKey = performance.now(); }, true);
`;

export interface PageHelpers {
  benchShown(label: string, text: string, status: string): number | false;
  benchScroll(): Promise<number[]>;
  benchLastKey: number;
}
