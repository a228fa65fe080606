// cite.js: the ¶ number of every paragraph opens the paragraph's menu: a
// link to the paragraph (or to the sentence or range the reader targeted),
// its citations (GB/T 7714, Chicago note and bibliography, citation.js) with
// the access date of the moment they are copied, the article's citation
// files, and the same place in the other language. Each Copy button has its
// own status (role=status) right after it: the confirmation shows next to
// the button pressed and is announced, and pressing another clears the
// others. Without JS the ¶ number is a plain link to the paragraph.
import { el, t, pageData, copyText, lang, otherURL } from "./dom.js";
import { open, make } from "./popover.js";
import { formatCitations } from "./citation.js";
import { target } from "./align.js";
import { withPlace } from "../site/place.js";

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// passage works out what the menu of paragraph id (p12, p3) cites: the
// targeted sentence, item or range when it lies in the paragraph, else
// the paragraph. It returns the anchor and the where of the citation.
export function passage(id, targeted) {
  const para = id.slice(1);
  const w = { para, item: "", sentence: "", to: "" };
  let anchor = id;
  const tg = targeted || "";
  let m;
  if ((m = tg.match(/^p(\d+)(?:-(\d+))?\.(\d+)$/)) && m[1] === para) {
    w.item = m[2] || "";
    w.sentence = m[3];
    anchor = tg;
  } else if ((m = tg.match(/^p(\d+)-(\d+)$/)) && m[1] === para) {
    w.item = m[2];
    anchor = tg;
  } else if ((m = tg.match(/^p(\d+)-p(\d+)$/)) && Number(m[1]) <= Number(para) && Number(para) <= Number(m[2])) {
    w.para = m[1];
    w.to = m[2];
    anchor = tg;
  }
  return { anchor, where: w };
}

// copyButton makes a Copy button and its status. text() is called at the
// click, so that what is copied is current (a citation's access date).
function copyButton(text, node) {
  const status = el("span", { class: "copy-status", role: "status" });
  const b = el("button", { type: "button", class: "copy" }, t("copy"));
  b.addEventListener("click", async () => {
    const menu = b.closest(".pop-body") || document;
    for (const other of menu.querySelectorAll(".copy")) other.classList.remove("done");
    for (const s of menu.querySelectorAll(".copy-status")) s.textContent = "";
    const ok = await copyText(text(), node);
    status.textContent = t(ok ? "copied" : "copyFailed");
    b.classList.toggle("done", ok);
  });
  return [b, status];
}

// renderRuns fills p with a citation's runs, each run in another language
// than the citation's in a span with its lang (the stylesheet sets English
// in a Latin font, Chinese in a CJK one).
function renderRuns(p, c) {
  p.textContent = "";
  p.lang = c.lang;
  for (const r of c.parts) p.append(r.lang === c.lang ? r.text : el("span", { lang: r.lang }, r.text));
}

// parts lists what the menu of paragraph id can cite: the targeted
// passage, the paragraph, and each of its sentences (or items), as
// [anchor, label] pairs.
function parts(id, targeted) {
  const out = [];
  const add = (anchor, label) => {
    if (!out.some((p) => p[0] === anchor)) out.push([anchor, label]);
  };
  const own = passage(id, targeted);
  if (own.anchor !== id) add(own.anchor, label(own.where));
  add(id, t("paragraphN", { N: id.slice(1) }));
  const block = document.getElementById(id);
  if (block) {
    for (const e of block.querySelectorAll("[id]")) {
      if (/^p\d+(-\d+)?(\.\d+)?$/.test(e.id) && e.id !== id) add(e.id, label(passage(id, e.id).where));
    }
  }
  return out;
}

function label(where) {
  if (where.to) return t("rangeN", { From: where.para, To: where.to });
  let s = t("paragraphN", { N: where.para });
  if (where.item) s += " · " + t("itemN", { N: where.item });
  if (where.sentence) s += " · " + t("sentenceN", { N: where.sentence });
  return s;
}

function fill(pop, id, chosen) {
  const d = pageData();
  const { anchor, where } = passage(id, chosen === undefined ? target() : chosen);
  const url = location.href.split("#")[0].split("?")[0] + "#" + anchor;
  const body = pop.querySelector(".pop-body");
  body.textContent = "";
  pop.querySelector(".pop-title").textContent = label(where);
  // What to cite: the paragraph, a sentence, an item, the targeted range.
  // A keyboard reader chooses a sentence here (a pointer can also tap it).
  const choice = el("select", { id: "cite-part" });
  for (const [a, l] of parts(id, target())) {
    const o = el("option", { value: a }, l);
    o.selected = a === anchor;
    choice.append(o);
  }
  choice.addEventListener("change", () => {
    fill(pop, id, choice.value);
    pop.querySelector("#cite-part").focus();
  });
  body.append(el("p", { class: "cite-part" }, el("label", { for: "cite-part" }, t("citePart")), " ", choice));
  const link = el("p", { class: "cite-text cite-url", lang: "en" }, url);
  body.append(el("h3", {}, t("linkTo")), link, el("p", { class: "copy-row" }, ...copyButton(() => url, link)));
  const facts = { ...d.cite, site: lang.site, year: lang.year };
  const cite = (accessed) => formatCitations({ lang: lang.lang, cite: facts, url, where, accessed });
  cite(today()).forEach((c, i) => {
    const p = el("p", { class: "cite-text" });
    renderRuns(p, c);
    // The access date is the day of the copy, even if the menu was opened
    // the day before.
    const text = () => {
      renderRuns(p, cite(today())[i]);
      return p.textContent;
    };
    body.append(el("h3", {}, t(c.label)), p, el("p", { class: "copy-row" }, ...copyButton(text, p)));
  });
  if (d.article && lang.files && lang.files.length) {
    const ul = el("ul", { class: "cite-files" });
    for (const f of lang.files) ul.append(el("li", {}, el("a", { href: d.article + f.file, download: true }, f.label)));
    body.append(el("h3", {}, t("citeFiles")), ul);
  }
  const other = otherURL();
  if (other) {
    body.append(el("p", { class: "read-other" }, el("a", { href: withPlace(other, anchor), hreflang: lang.otherLocale, lang: lang.locale }, t("readOther"))));
  }
}

export function init() {
  if (typeof HTMLElement.prototype.showPopover !== "function") return;
  // The ¶ number keeps its name (¶12) and says what it opens.
  const desc = el("span", { id: "pn-desc", hidden: true }, t("paraMenuDesc"));
  document.body.append(desc);
  for (const a of document.querySelectorAll("a.pn")) {
    a.setAttribute("aria-haspopup", "dialog");
    a.setAttribute("aria-expanded", "false");
    a.setAttribute("aria-describedby", "pn-desc");
  }
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a.pn");
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const id = a.getAttribute("href").slice(1);
    const pop = make("para-pop");
    fill(pop, id);
    open(pop, a);
  });
}
