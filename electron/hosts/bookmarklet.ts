/**
 * The clipper bookmarklet: it posts the page to the clipper as a top-level form submission into a new
 * tab. A form post needs no fetch and so no CORS grant, works from any page, and carries the token in
 * the request body, never in a URL (URLs end up in history, logs and Referer headers).
 */
export function bookmarkletFor(port: number, token: string): string {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new RangeError(`not a port: ${port}`);
  return `javascript:${encodeURIComponent(bookmarkletScript(port, token))}`;
}

function bookmarkletScript(port: number, token: string): string {
  const fields = `{token:${JSON.stringify(token)},url:location.href,` +
    `html:document.documentElement.outerHTML,selection:String(getSelection()||'')}`;
  // accept-charset: a page in GBK or Shift_JIS would otherwise encode the fields in its own charset.
  // The function returns nothing, so the javascript: URL leaves the current page as it is.
  return `(function(){var f=document.createElement('form'),d=${fields},k,i;` +
    `f.method='post';f.action='http://127.0.0.1:${port}/bookmarklet';f.target='_blank';f.acceptCharset='utf-8';` +
    `for(k in d){i=document.createElement('input');i.type='hidden';i.name=k;i.value=d[k];f.appendChild(i)}` +
    `document.documentElement.appendChild(f);f.submit();f.remove()})()`;
}
