// alt.js builds the other language's version of a block from the aligned
// downloads (blocks.json): the text of the reveal and of the both view.
// Its sentences carry data-s with the sentence ids, so that align.js can
// highlight counterparts; it holds plain text (no links, no controls).
import { el, lang as language, alignedBlocks } from "./dom.js";

// sentences appends the sentences of block b in language lang to parent.
function sentences(parent, b, lang, lead) {
  const sep = lang === "zh" ? "" : " ";
  b.sentences.forEach((s, i) => {
    if (i > 0 && sep) parent.append(sep);
    const text = lang === "zh" ? s.zh : s.en;
    const tag = i === 0 && lead ? "strong" : "span";
    const attrs = { "data-s": s.id };
    if (lang !== "zh" && s.pending) {
      attrs.lang = "zh-Hans";
      attrs.class = "pending";
    }
    parent.append(el(tag, attrs, text));
  });
}

// altFor returns the other-language element for the page element src (a
// paragraph, list, list item or heading), or null when the data has none.
export async function altFor(src) {
  const all = await alignedBlocks();
  const lang = language.other;
  const attrs = { class: "alt", lang: language.otherLocale, "data-for": src.id || src.dataset.list };
  if (src.matches(".list")) {
    const ol = src.querySelector("ol");
    const list = el("ol", { class: "alt alt-list", lang: language.otherLocale, "data-for": ol.id });
    for (const li of ol.querySelectorAll(":scope > li[id]")) {
      const b = all.get(li.id);
      if (!b) continue;
      const item = el("li", { "data-for": li.id });
      sentences(item, b, lang, false);
      list.append(item);
    }
    return list;
  }
  const b = all.get(src.id);
  if (!b) return null;
  if (src.matches("li")) {
    const li = el("li", attrs);
    sentences(li, b, lang, false);
    return li;
  }
  if (src.matches("h1, h2")) {
    const h = el("p", Object.assign(attrs, { class: "alt alt-h" }));
    sentences(h, b, lang, false);
    return h;
  }
  const p = el("div", attrs);
  sentences(p, b, lang, Boolean(src.querySelector(":scope > strong[id]")));
  return p;
}
