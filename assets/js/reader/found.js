// found.js: what the search found, marked where its result opened. A
// result's address names its block and the texts the search matched there
// (search/hit-url.js: …/section-2/?hl=island&hl=islands#p6). Each text is
// marked wherever it occurs in that block, and only there: not in a title or
// heading above it that repeats the words, not in the ¶ label. The first is
// brought into view, and ?hl is taken off the address at once, so that what
// the reader copies, cites or reloads is the block's plain address.
//
// The marks are made with the CSS Custom Highlight API (::highlight(found)
// in site.css): ranges of text styled without a change to the page's
// markup, which alignment and citations read. A browser without it opens
// the block as before, marked as the address's target.
import { hashId } from "../site/hash.js";

// Texts are compared with runs of white space (spaces, no-break spaces,
// line breaks) as one space. In English, as the search matches whole
// words, a text that starts or ends with a Latin letter or digit is found
// only where a word starts or ends: "port" is not marked in "support". In
// Chinese, as the search matches any run of characters, anywhere (1 in 10).
const space = /\s/;
const wordChar = /[\p{Script=Latin}\p{Nd}]/u;

// skip holds what the page puts in a block that is not its text: the ¶
// label, the label of a photo caption, the paragraph's controls
// (reveal.js, cite.js) and the other language's text they show (alt.js).
const skip = ".pn, .label, .pctl, .alt, button, [popover]";

// occurrences returns the [start, end) offsets in text of each occurrence of
// each of needles, sorted, overlapping occurrences merged; only whole
// words' when wholeWords. Runs of white space in a needle count as one
// space (text, from flatten, has no longer runs).
export function occurrences(text, needles, wholeWords = true) {
  const found = [];
  for (const raw of needles) {
    const n = raw.replace(/\s+/g, " ").trim();
    if (!n) continue;
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
      const end = i + n.length;
      if (wholeWords && wordChar.test(n[0]) && i > 0 && wordChar.test(text[i - 1])) continue;
      if (wholeWords && wordChar.test(n[n.length - 1]) && end < text.length && wordChar.test(text[end])) continue;
      found.push([i, end]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

// flatten returns the text of the block's text nodes (outside skip), white
// space runs made one space, and where each of its characters is: at[i] =
// [node, offset].
function flatten(block) {
  let text = "";
  const at = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node; (node = walker.nextNode()); ) {
    const s = node.data;
    for (let i = 0; i < s.length; i++) {
      if (space.test(s[i])) {
        if (text.endsWith(" ") || text === "") continue;
        text += " ";
      } else text += s[i];
      at.push([node, i]);
    }
  }
  return { text, at };
}

// ranges returns the DOM ranges of the texts in block.
export function ranges(block, texts) {
  const { text, at } = flatten(block);
  const lang = (block.closest("[lang]") || document.documentElement).lang;
  return occurrences(text, texts, !lang.startsWith("zh")).map(([start, end]) => {
    const r = document.createRange();
    r.setStart(at[start][0], at[start][1]);
    const [node, offset] = at[end - 1];
    r.setEnd(node, offset + 1);
    return r;
  });
}

export function init() {
  const params = new URLSearchParams(location.search);
  const texts = params.getAll("hl");
  if (!texts.length) return;
  params.delete("hl");
  const u = new URL(location.href);
  u.search = params.toString();
  history.replaceState(history.state, "", u.href);
  const block = document.getElementById(hashId());
  if (!block || !globalThis.CSS || !CSS.highlights || typeof Highlight !== "function") return;
  const found = ranges(block, texts);
  if (!found.length) return;
  CSS.highlights.set("found", new Highlight(...found));
  first = found[0];
  requestAnimationFrame(bringIntoView);
}

let first = null; // the first mark

// bringIntoView scrolls the first mark into view if it is not: the browser
// scrolls to the block's start, and the first match of a long paragraph can
// be below the window's edge (on a phone). The both view calls it again
// once it has put the other language in and the block back in view.
export function bringIntoView() {
  if (!first) return;
  const r = first.getBoundingClientRect();
  const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  if (r.top < top || r.bottom > innerHeight) window.scrollBy(0, r.top - Math.max(top, innerHeight / 3));
}
