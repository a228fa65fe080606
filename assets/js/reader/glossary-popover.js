// glossary-popover.js: a glossary term opens a popover with its Chinese,
// pinyin, English rendering, other renderings and note, next to the term.
// The terms' data is one JSON file per language, fetched the first time a
// term is opened. Without JS (or without the data) the term is a plain
// link to its glossary entry.
import { el, t, lang, fetchJSON, hanRuns } from "./dom.js";
import { open, make } from "./popover.js";

function fill(pop, term, entry) {
  // term: [zh, pinyin, en, other renderings, note, glossary entry URL]
  const [zh, pinyin, en, also, note, url] = term;
  const title = pop.querySelector(".pop-title");
  title.textContent = "";
  title.append(el("span", { class: "gt-zh", lang: "zh-Hans" }, zh), " ",
    el("span", { class: "gt-py", lang: "zh-Latn-pinyin" }, pinyin));
  const body = pop.querySelector(".pop-body");
  body.textContent = "";
  body.append(el("p", { class: "gt-en", lang: "en" }, en));
  if (also) body.append(el("p", { class: "gt-also" }, t("otherRenderings") + t("colon"), el("span", { lang: "en" }, ...hanRuns(also))));
  if (note) body.append(el("p", { class: "gt-note" }, ...(document.documentElement.lang.startsWith("zh") ? [note] : hanRuns(note))));
  body.append(el("p", {}, el("a", { href: url || entry }, t("glossaryEntry"))));
}

export function init() {
  if (typeof HTMLElement.prototype.showPopover !== "function") return;
  for (const a of document.querySelectorAll("a.term")) a.setAttribute("aria-haspopup", "dialog");
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a.term");
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    const id = new URL(a.href).hash.slice(1);
    fetchJSON(lang.glossary).then((all) => {
      if (!all[id]) {
        location.href = a.href;
        return;
      }
      const pop = make("term-pop");
      fill(pop, all[id], a.href);
      open(pop, a);
    }, () => {
      location.href = a.href; // without the data, the plain link still works
    });
  });
}
