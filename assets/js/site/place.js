// place.js: the language switch and the view links keep the reader's place.
// The place is the paragraph or sentence being read: the hash when it names
// an element that is in view, otherwise the block at the reading line (a
// quarter down the window, below the sticky header). At the top of the page
// there is no place. Without JS the links open the counterpart page at its
// top.
import { hashId } from "./hash.js";

// isPlace reports whether an id names a place: a block (p12, p3-6, s2,
// title…), a sentence (p12.3) or a glossary entry.
const placeSelector = ".text [id], .article-header [id], .parallel tr[id], .parallel [id*='.'], .terms .entry[id]";

function inView(el, top) {
  const r = el.getBoundingClientRect();
  return r.bottom > top && r.top < window.innerHeight;
}

// headerBottom is where the text starts below the sticky header.
export function headerBottom() {
  const h = document.querySelector(".site-header");
  if (!h || getComputedStyle(h).position !== "sticky") return 0;
  return Math.max(0, h.getBoundingClientRect().bottom);
}

// currentPlace returns the id of the paragraph or sentence being read, or "".
export function currentPlace() {
  const top = headerBottom();
  const hash = hashId();
  if (hash) {
    const el = document.getElementById(hash);
    if (el && el.matches(placeSelector) && inView(el, top)) return hash;
  }
  if (window.scrollY < 40) return "";
  const line = top + (window.innerHeight - top) / 4;
  let best = "";
  for (const el of document.querySelectorAll(placeSelector)) {
    if (el.closest("[popover], .alt")) continue;
    const r = el.getBoundingClientRect();
    if (r.height === 0) continue;
    if (r.bottom <= top) continue;
    if (r.top > line) break;
    best = el.id; // the last place that starts above the reading line
  }
  if (!best) {
    for (const el of document.querySelectorAll(placeSelector)) {
      if (el.getBoundingClientRect().bottom > top) return el.id;
    }
  }
  return best;
}

// withPlace returns href pointing at place. (On the search page, whose
// script does not load this module, the switch carries the query instead:
// search/ui.js.)
export function withPlace(href, place) {
  const u = new URL(href, location.href);
  if (place) u.hash = place;
  return u.href;
}

// A page opened through the switch lands on the place the reader was
// reading, at the same height in the window, and that place is not a
// target (not highlighted, not what the ¶ menu cites): remember, for the
// next page, which place it is and where it was on the screen.
const arrivalKey = "place-arrival";

function remember(place) {
  const e = place && document.getElementById(place);
  if (!e) return;
  try {
    sessionStorage.setItem(arrivalKey, JSON.stringify({ place, top: e.getBoundingClientRect().top }));
  } catch (err) {
    // Without storage the page lands with the place at the top.
  }
}

// arrival returns the place this page was opened at by the switch, with
// its height in the window then, or null. It is read once per page (and
// then forgotten in the storage).
let arrived;
export function arrival() {
  if (arrived !== undefined) return arrived;
  arrived = null;
  try {
    const a = JSON.parse(sessionStorage.getItem(arrivalKey) || "null");
    sessionStorage.removeItem(arrivalKey);
    if (a && hashId() === a.place) arrived = a;
  } catch (err) {
    // Nothing remembered.
  }
  return arrived;
}

// restore puts the place an arrival names back at its height in the window.
export function restore(a) {
  const e = a && document.getElementById(a.place);
  if (e) window.scrollBy(0, e.getBoundingClientRect().top - a.top);
}

// init updates the switch and view links just before they are followed
// (click, middle click, keyboard, context menu), so that the address they
// open holds the place at that moment.
export function init() {
  const a = arrival();
  if (a) {
    restore(a);
    window.addEventListener("load", () => restore(a), { once: true });
  }
  document.documentElement.dataset.quiet = a ? "1" : "";
  const update = (e) => {
    const a = e.target.closest && e.target.closest("a[data-lang-switch], a[data-view]");
    if (!a || new URL(a.getAttribute("href"), location.href).pathname === location.pathname) return;
    if (!a.dataset.base) a.dataset.base = a.getAttribute("href");
    const place = currentPlace();
    a.href = withPlace(a.dataset.base, place);
    if (e.type === "click") remember(place);
  };
  for (const type of ["mousedown", "click", "keydown", "contextmenu", "focusin"]) {
    document.addEventListener(type, update, true);
  }
}
