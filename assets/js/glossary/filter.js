// filter.js: the glossary page's filter box narrows the list of terms as
// one types. A term matches when every word of the query occurs in its
// Chinese, its pinyin (with or without tone marks), its English rendering,
// its other renderings or its notes. The index letters and headings of
// letters with no match are hidden with them. Without JS the box stays
// hidden and the whole list and the index remain.

// fold lowercases, writes ü as v (as pinyin input does) and drops tone
// marks, so that "gongtong" finds "gòngtóng" and "lvse" finds "lǜsè".
export function fold(s) {
  return s.toLowerCase().replace(/[üǖǘǚǜ]/g, "v").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

// matches reports whether every word of query occurs in text (both folded).
export function matches(text, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hay = fold(text);
  const squeezed = hay.replace(/\s+/g, "");
  return words.every((w) => hay.includes(w) || squeezed.includes(w));
}

export function init() {
  const box = document.querySelector(".gl-filter");
  const input = document.getElementById("gl-q");
  const list = document.getElementById("gl-terms");
  if (!box || !input || !list) return;
  const count = document.getElementById("gl-count");
  const entries = [...list.querySelectorAll(".entry")].map((e) => ({ e, text: e.textContent }));
  const total = entries.length;
  box.hidden = false;
  const apply = () => {
    const q = input.value.trim();
    let n = 0;
    for (const { e, text } of entries) {
      const on = !q || matches(text, q);
      e.hidden = !on;
      if (on) n++;
    }
    for (const h of list.querySelectorAll(".gl-letter")) {
      let any = false;
      for (let s = h.nextElementSibling; s && !s.matches(".gl-letter"); s = s.nextElementSibling) {
        if (!s.hidden) any = true;
      }
      h.hidden = !any;
      const link = document.querySelector(`.gl-index a[href="#${h.id}"]`);
      if (link) link.parentElement.hidden = !any;
    }
    count.textContent = q ? (n ? count.dataset.tCount.replace("{n}", n).replace("{total}", total) : count.dataset.tNone) : "";
    const u = new URL(location.href);
    if (q) u.searchParams.set("q", q);
    else u.searchParams.delete("q");
    history.replaceState(history.state, "", u.href);
  };
  input.addEventListener("input", apply);
  const q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    apply();
  }
}
