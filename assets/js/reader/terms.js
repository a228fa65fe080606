// terms.js: how glossary terms are marked in the text. The pages mark the
// first use of each term in each part of the article (the splitter writes
// those links); a reader can ask for every use ("all") or none, in the
// glossary popover. The choice is remembered (localStorage).
import { el, lang, fetchJSON } from "./dom.js";

const key = "terms";
let current = "first";

// mode is how terms are marked now: "first", "all" or "none".
export function mode() {
  return current;
}
let removed = []; // [link, text node] pairs unwrapped by "none"

function stored() {
  try {
    return localStorage.getItem(key) || "first";
  } catch (err) {
    return "first";
  }
}

// findAll returns, for text s, the non-overlapping occurrences of the
// terms (longest first), as [start, end, id], in order. English matches
// ignore case and must stand on word boundaries.
export function findAll(s, terms, english) {
  const found = [];
  const hay = english ? s.toLowerCase() : s;
  const word = /[\p{L}\p{N}]/u;
  for (const [id, needle] of terms) {
    const n = english ? needle.toLowerCase() : needle;
    if (!n) continue;
    for (let from = 0; ;) {
      const i = hay.indexOf(n, from);
      if (i < 0) break;
      from = i + 1;
      const end = i + n.length;
      if (english && ((i > 0 && word.test(s[i - 1])) || (end < s.length && word.test(s[end])))) continue;
      if (found.some(([a, b]) => i < b && a < end)) continue;
      found.push([i, end, id]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

async function markAll(root) {
  const all = await fetchJSON(lang.glossary);
  const english = lang.lang !== "zh";
  const terms = Object.entries(all)
    .map(([id, v]) => [id, english ? v[2] : v[0]])
    .sort((a, b) => b[1].length - a[1].length);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement.closest("a, .pctl, .pending, .alt") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    const s = node.nodeValue;
    const hits = findAll(s, terms, english);
    if (hits.length === 0) continue;
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (const [a, b, id] of hits) {
      frag.append(s.slice(pos, a), el("a", { class: "term more", href: all[id][5] }, s.slice(a, b)));
      pos = b;
    }
    frag.append(s.slice(pos));
    node.replaceWith(frag);
  }
}

function unmarkMore(root) {
  for (const a of root.querySelectorAll("a.term.more")) a.replaceWith(a.textContent);
  root.normalize();
}

function unwrap(root) {
  for (const a of root.querySelectorAll("a.term")) {
    const text = document.createTextNode(a.textContent);
    removed.push([a, text]);
    a.replaceWith(text);
  }
}

function rewrap() {
  for (const [a, text] of removed) if (text.parentNode) text.replaceWith(a);
  removed = [];
}

export async function setMode(m) {
  const root = document.querySelector(".text");
  if (!root || m === current) return;
  if (current === "none") rewrap();
  if (current === "all") unmarkMore(root);
  if (m === "all") await markAll(root);
  if (m === "none") unwrap(root);
  current = m;
  try {
    localStorage.setItem(key, m);
  } catch (err) {
    // Not remembered in private mode.
  }
  for (const r of document.querySelectorAll("input[name=terms]")) r.checked = r.value === m;
}

export function init() {
  const m = stored();
  if (m !== "first") setMode(m).catch(() => {});
}
