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
// texts of text at ranges ([start, end) offsets) as ?hl= parameters, in
// order of first occurrence. When they are more than the address holds, the
// longest are named: a long query that matched every "a" and "the" of a
// paragraph names its words, not those.
export function hitURL(url, text, ranges) {
  const distinct = [];
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const t = text.slice(start, end).trim();
    if (t && !distinct.includes(t)) distinct.push(t);
  }
  const chosen = new Set();
  let length = 0;
  for (const t of [...distinct].sort((a, b) => b.length - a.length)) {
    if (chosen.size === maxTexts) break;
    if (length + t.length > maxLength) continue;
    chosen.add(t);
    length += t.length;
  }
  const texts = distinct.filter((t) => chosen.has(t));
  if (!texts.length) return url;
  const hash = url.indexOf("#");
  const base = hash < 0 ? url : url.slice(0, hash);
  const params = new URLSearchParams(texts.map((t) => ["hl", t]));
  return base + (base.includes("?") ? "&" : "?") + params + (hash < 0 ? "" : url.slice(hash));
}
