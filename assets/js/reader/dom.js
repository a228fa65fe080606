// dom.js: small DOM and data helpers shared by the reader's modules.
import * as params from "@params";

// el makes an element with attributes and children (strings become text).
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c);
  }
  return e;
}

// hanRuns returns English text as nodes, each run of Chinese characters in
// a <span lang="zh-Hans">, so that a screen reader speaks it in a Chinese
// voice: the rule of layouts/_partials/utils/han-runs.html.
const han = /(\p{Script=Han}(?:[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF·]*\p{Script=Han})?)/u;
export function hanRuns(text) {
  return text.split(han).map((s, i) => (i % 2 ? el("span", { lang: "zh-Hans" }, s) : s)).filter((n) => n !== "");
}

// lang holds what is the same on every page of the language, built into
// the bundle (_partials/utils/ui-strings.html): lang, locale, other,
// otherLocale, site {zh, en}, year, glossary (URL of the popover data),
// files ([{file, label}]: the citation files next to the article page).
export const lang = params;

// otherURL returns this page's address in the other language: the link of
// the language switch.
export function otherURL() {
  const a = document.querySelector(`.lang-switch a[hreflang="${params.otherLocale}"]`);
  return a ? a.href : "";
}

// pageData reads the page's JSON data block (_partials/reader-data.html):
// article (URL), blocks (URL of blocks.json), cite.
let data = null;
export function pageData() {
  if (!data) {
    const s = document.getElementById("reader-data");
    data = s ? JSON.parse(s.textContent) : null;
  }
  return data;
}

// t returns a UI string of the page's language (built into the bundle,
// see _partials/utils/ui-strings.html), with {{ .N }}-style parameters
// filled in.
export function t(key, args) {
  let s = (params.t && params.t[key]) || key;
  for (const [k, v] of Object.entries(args || {})) {
    s = s.split("{{ ." + k + " }}").join(String(v));
  }
  return s;
}

// fetchJSON fetches a URL once; a failed fetch can be retried.
const cache = new Map();
export function fetchJSON(url) {
  if (!cache.has(url)) {
    const p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return cache.get(url);
}

// alignedBlocks fetches the article's aligned downloads (blocks.json) and
// returns a map from block id to block.
let blocks = null;
export function alignedBlocks() {
  if (!blocks) {
    const d = pageData();
    blocks = fetchJSON(d.blocks).then((j) => new Map(j.blocks.map((b) => [b.id, b])));
    blocks.catch(() => { blocks = null; });
  }
  return blocks;
}

// copyText copies text to the clipboard; it resolves true when it did.
export async function copyText(text, selectable) {
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch (err) {
    // Fall through to the selection copy.
  }
  if (!selectable) return false;
  const r = document.createRange();
  r.selectNodeContents(selectable);
  const s = window.getSelection();
  s.removeAllRanges();
  s.addRange(r);
  try {
    return document.execCommand("copy");
  } catch (err) {
    return false;
  }
}

// isBlockId reports whether id names a block or sentence of the text.
export const sentenceRE = /^(p\d+(?:-\d+)?)\.(\d+)$/;
export const blockRE = /^(?:p\d+(?:-\d+)?|s\d+|title|series|author-role|author-name|source|caption)$/;
