// results-view.js: the list of results on the search page. Results are
// grouped by page (rank.js); each shows its label (¶12, ¶3-6, Part 2: the
// labels every page uses), its excerpt as a link to the block — naming
// the texts matched, which the page opened marks in it (hit-url.js) — and,
// for a block found only in the other language (or with "both
// languages"), the block in the other language as plain text beside it,
// labelled with its language and centred on its match if it has one, or
// else on the sentences aligned with the result's matches (their
// counterparts, set apart from the rest of the block).
//
// The list shows a page of results at a time (pageSize, 50) and a "show
// more" button. Results are put on the page in batches, one batch per frame
// (schedule.js), so that the browser lays out and paints each batch in a
// short task: the first screen of a new query (firstScreen results) at
// once, then batch results a frame. When the results change (more data
// arrived), a result shown before that shows the same stays on the page,
// moved if its place changed; only new or changed results are made. While
// the query stays the same, no result on the page moves for data that
// arrives later: the pages with results on the page keep their order, and
// pages that arrive later (other articles of a large archive) come after
// them, in rank order, whatever their rank. A page
// asked for with "show more" is rendered at once, and its first result
// takes the focus.
import { excerpt, alignedSpans } from "./snippet.js";
import { hitURL } from "./hit-url.js";
import { format } from "./format.js";
import { afterFrame } from "./schedule.js";

// firstScreen is the number of results put on the page at once when none
// is shown; batch, the number put on the page in each later frame.
export const firstScreen = 3;
export const batch = 3;

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  for (const kid of kids) if (kid != null) e.append(kid);
  return e;
}

// excerptNode renders the excerpt of text around ranges: the matches,
// marked, or (markClass "search-sentence") the sentences aligned with the
// matches of the other language, set apart from the rest of the block.
function excerptNode(text, ranges, lang, markClass) {
  const span = el("span", { class: "search-snippet" });
  for (const p of excerpt(text, ranges, lang)) {
    if (p.gap) span.append(el("span", { class: "search-gap" }, el("span", { class: "vh" }, "[…]")));
    else span.append(p.mark ? el("mark", markClass ? { class: markClass } : null, p.text) : p.text);
  }
  return span;
}

// createView returns the view of the results in container.
// options: {pageLang, messages, locale: {lang: BCP 47 tag}, pageSize()}.
export function createView(container, options) {
  const { pageLang, messages, locale } = options;
  const items = new Map(); // result key → {sig, page, li}: the results on the page
  const sections = new Map(); // page URL → {section, title, list}
  let entries = []; // [{group, result, secondaryOf}] of the current results, in order
  let target = 0; // how many entries the view is to show
  let run = 0; // bumped by every show(), so that an older update stops
  let gate = null; // pending until the frame after the last batch was rendered
  let button = null;
  let shownQuery = null; // the query of the results on the page
  // tail stays after the results: the "show more" button, which is there
  // only once the results of a page are all on it.
  const tail = el("div", { class: "search-tail" });
  container.append(tail);
  // The note given to note() is the list's first child, before the
  // results: the results put on the page after it do not move it, and
  // it moves nothing on the page before the list.
  const noteEl = el("p", { class: "search-note" });
  const start = () => (noteEl.parentNode === container ? noteEl.nextSibling : container.firstChild);

  const badge = (lang) => el("span", { class: "search-lang", lang: locale[lang] }, messages["search_lang_" + lang]);

  // signature tells whether an entry shows the same as the result on the
  // page with its key; it fills in the entry's secondary (the block beside it).
  function signature(e) {
    if (e.sig) return e.sig;
    const r = e.result;
    const m = r.matches[r.primary];
    e.secondary = e.secondaryOf(r);
    const s = e.secondary;
    e.sig = [r.primary, JSON.stringify(m.ranges), s ? s.lang + JSON.stringify(s.ranges) : ""].join("|");
    return e.sig;
  }

  // label is the result's label in the page's language (Part 4, Author on
  // the English page, 第4部分, 作者 on the Chinese one): that of the block
  // beside it when the result is in the other language.
  // It carries the page's language when the result is in the other.
  function label(e) {
    const m = e.result.matches[e.result.primary];
    const s = e.secondary;
    if (m.lang !== pageLang && s && s.lang === pageLang) return el("span", { class: "search-para", lang: locale[pageLang] }, s.block.label);
    return el("span", { class: "search-para" }, m.block.label);
  }

  function item(e) {
    const m = e.result.matches[e.result.primary];
    const b = m.block;
    const href = hitURL(b.url, b.text, m.ranges);
    const li = el(
      "li",
      { class: "search-hit", lang: locale[m.lang], "data-lang": m.lang },
      el(
        "a",
        { class: "search-hit-link", href, "data-id": b.id },
        label(e),
        m.lang !== pageLang ? badge(m.lang) : null,
        " ",
        excerptNode(b.text, m.ranges, m.lang),
      ),
    );
    if (e.secondary) {
      const s = e.secondary;
      // Centred on its own matches, or else on the sentences aligned with
      // the result's matches.
      const own = s.ranges.length > 0;
      const ranges = own ? s.ranges : alignedSpans(b, m.ranges, s.block);
      li.append(el("p", { class: "search-aligned", lang: locale[s.lang], "data-lang": s.lang, "data-id": s.block.id }, badge(s.lang), " ", excerptNode(s.block.text, ranges, s.lang, own ? null : "search-sentence")));
    }
    return li;
  }

  // groupSection makes a page's heading and list: the page's title, and
  // on an archive the article's (when the page is not the article page
  // itself), in the link: parts of different articles may share a title.
  // (Not the part's label: a result for the part's heading, Part 3 …,
  // often comes first under it, and would read the same.)
  function groupSection(g) {
    const name = el("span", { class: "search-page" }, g.title);
    const link = el("a", { href: g.page }, name);
    if (g.article && g.article !== g.title) {
      link.append(el("span", { class: "vh" }, messages.search_in_article), el("span", { class: "search-article" }, g.article));
    }
    const list = el("ol", { class: "search-hits" });
    const section = el("section", { class: "search-group", lang: locale[g.lang] }, el("h2", null, link), list);
    return { section, name, title: g.title, list };
  }

  const wanted = () => entries.slice(0, Math.min(target, entries.length));

  // prune takes off the page the results no longer wanted, or wanted with
  // another content or under another page, and the sections left empty.
  function prune() {
    const want = new Map(wanted().map((e) => [e.result.key, e]));
    for (const [key, it] of items) {
      const e = want.get(key);
      if (!e || e.group.page !== it.page || signature(e) !== it.sig) {
        it.li.remove();
        items.delete(key);
      }
    }
    for (const [page, s] of sections) {
      if (!s.list.firstChild) {
        s.section.remove();
        sections.delete(page);
      }
    }
  }

  // make makes up to n of the wanted results not on the page yet, in
  // order, and returns how many it made; place puts them on the page.
  function make(n) {
    let made = 0;
    for (const e of wanted()) {
      if (made >= n) break;
      const key = e.result.key;
      if (items.has(key)) continue;
      if (!sections.has(e.group.page)) sections.set(e.group.page, groupSection(e.group));
      signature(e);
      items.set(key, { sig: e.sig, page: e.group.page, li: item(e) });
      made++;
    }
    return made;
  }

  // place puts the sections and the results made in display order, moving
  // only those out of place.
  function place() {
    let section = null;
    let page = null;
    let prev = null;
    for (const e of wanted()) {
      const it = items.get(e.result.key);
      if (!it) continue;
      if (e.group.page !== page) {
        page = e.group.page;
        const s = sections.get(page);
        const at = section ? section.nextSibling : start();
        if (s.section !== at) container.insertBefore(s.section, at);
        if (s.title !== e.group.title) s.name.textContent = s.title = e.group.title;
        section = s.section;
        prev = null;
      }
      const list = sections.get(page).list;
      const at = prev ? prev.nextSibling : list.firstChild;
      if (it.li !== at) list.insertBefore(it.li, at);
      prev = it.li;
    }
  }

  // render brings the page in step with the wanted results: n new ones at
  // most. It returns how many it made.
  function render(n) {
    prune();
    const made = make(n);
    place();
    updateButton();
    return made;
  }

  // update renders the wanted results one batch per frame; it resolves
  // once they are all on the page, or a newer show() took over.
  async function update(my) {
    while (my === run) {
      if (gate) {
        await gate;
        continue;
      }
      if (!render(items.size ? batch : firstScreen)) return;
      gate = afterFrame().then(() => {
        gate = null;
      });
    }
  }

  function updateButton() {
    const shown = items.size;
    const left = entries.length - shown;
    if (left > 0 && shown >= target) {
      if (!button) {
        button = el("button", { type: "button", class: "search-more" });
        button.addEventListener("click", () => {
          const first = items.size;
          target += options.pageSize();
          run++;
          render(Infinity);
          const next = entries[first] && items.get(entries[first].result.key);
          if (next) next.li.querySelector("a").focus();
        });
        tail.prepend(button);
      }
      button.textContent = format(messages.search_more, { k: Math.min(options.pageSize(), left), shown, n: entries.length });
    } else if (button) {
      button.remove();
      button = null;
    }
  }

  return {
    // show displays ranked groups of the results of query; secondaryOf(
    // result) gives the match or block to show beside it, or null.
    // Resolves when the first page is rendered.
    show(groups, secondaryOf, query) {
      const my = ++run;
      if (query === shownQuery && sections.size) {
        // The pages on the page first, where they are; then the others.
        const at = new Map([...container.children].map((c, i) => [c, i]));
        const place = (g) => (sections.has(g.page) ? at.get(sections.get(g.page).section) : Infinity);
        groups = groups.map((g, i) => [place(g), i, g]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
      }
      shownQuery = query;
      entries = [];
      for (const g of groups) for (const result of g.results) entries.push({ group: g, result, secondaryOf });
      target = entries.length ? Math.max(options.pageSize(), Math.min(target, entries.length)) : options.pageSize();
      return update(my);
    },
    clear() {
      run++;
      shownQuery = null;
      items.clear();
      sections.clear();
      entries = [];
      target = 0;
      button = null;
      tail.replaceChildren();
      container.replaceChildren(tail);
    },
    // note shows its parts (strings and nodes) before the results (none
    // removes it); the same note again changes nothing on the page.
    note(parts) {
      const key = parts.map((p) => (typeof p === "string" ? p : p.lang + ":" + p.textContent)).join("\u0000");
      if (noteEl.dataset.key !== key) {
        noteEl.dataset.key = key;
        noteEl.replaceChildren(...parts);
      }
      if (parts.length) {
        if (container.firstChild !== noteEl) container.prepend(noteEl);
      } else noteEl.remove();
    },
    // focusNote puts the focus on the note (once its button, which had
    // it, is gone).
    focusNote() {
      noteEl.tabIndex = -1;
      noteEl.focus();
    },
    links: () => [...container.querySelectorAll("a.search-hit-link")],
  };
}
