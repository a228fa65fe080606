// hit-url.js: the address a result opens. A block's URL
// (…/section-2/#p6) gets the texts the search matched in that block,
// …/section-2/?hl=island&hl=islands#p6: the page's script
// (reader/found.js) marks them in that block and nowhere else, brings the
// first into view and takes ?hl off the address. Without the script the
// block opens as before.
//
// Not a text fragment (#p6:~:text=…): the browser looks for one in the
// whole page, so it marks the same words in a heading or title above the
// block, and in Chinese it finds nothing when its word boundaries cut the
// text elsewhere than the match does.

// maxTexts bounds the texts named in one address, and maxLength their
// length (of their text; the address has each three to nine times over,
// percent-encoded): far more than the words a query matches in one block.
export const maxTexts = 16;
export const maxLength = 200;

// hitURL returns url (a block's address, with its #id) with the distinct
// texts of text at ranges ([start, end) offsets), in order of first
// occurrence, as ?hl= parameters.
export function hitURL(url, text, ranges) {
  const texts = [];
  let length = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const t = text.slice(start, end).trim();
    if (!t || texts.includes(t)) continue;
    if (texts.length === maxTexts || length + t.length > maxLength) break;
    texts.push(t);
    length += t.length;
  }
  if (!texts.length) return url;
  const hash = url.indexOf("#");
  const base = hash < 0 ? url : url.slice(0, hash);
  const params = new URLSearchParams(texts.map((t) => ["hl", t]));
  return base + (base.includes("?") ? "&" : "?") + params + (hash < 0 ? "" : url.slice(hash));
}
