// results-view.js: the list of results on the search page. Results are
// grouped by page (rank.js); each shows its label (¶12, ¶3-6, Part 2: the
// labels every page uses), its excerpt as a link to the block — with a
// text fragment that highlights the match on arrival (fragment.js) — and,
// for a block found only in the other language (or with "both
// languages"), the block in the other language as plain text beside it,
// labelled with its language and centred on its match if it has one.
//
// The list shows a page of results at a time (pageSize, 50) and a "show
// more" button. A page is rendered in slices: the first screen in one short
// task, the rest in chunks (schedule.js). When the results change (more data
// arrived), the results already shown that did not change stay as they are.
// A page asked for with "show more" is rendered at once, and its first
// result takes the focus.
import { excerpt } from "./snippet.js";
import { withTextFragment } from "./fragment.js";
import { format } from "./format.js";
import { yieldToMain } from "./schedule.js";

const firstScreen = 8;
const chunk = 8;

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  for (const kid of kids) if (kid != null) e.append(kid);
  return e;
}

function excerptNode(text, ranges, lang) {
  const span = el("span", { class: "search-snippet" });
  for (const p of excerpt(text, ranges, lang)) {
    if (p.gap) span.append(el("span", { class: "search-gap" }, el("span", { class: "vh" }, "[…]")));
    else span.append(p.mark ? el("mark", null, p.text) : p.text);
  }
  return span;
}

// createView returns the view of the results in container.
// options: {pageLang, messages, locale: {lang: BCP 47 tag}, pageSize()}.
export function createView(container, options) {
  const { pageLang, messages, locale } = options;
  let shown = []; // [{sig, group, li}] in display order
  let entries = []; // [{sig, group, result, secondary}] of the current results
  let target = 0; // how many entries the view is to show
  let run = 0; // bumped by every show(), so that an older render stops
  let button = null;
  // tail stays after the results: the "show more" button, then the notes
  // given to note() (added at the end, they move nothing on screen).
  const tail = el("div", { class: "search-tail" });
  const noteEl = el("p", { class: "search-note" });
  container.append(tail);

  const badge = (lang) => el("span", { class: "search-lang", lang: locale[lang] }, messages["search_lang_" + lang]);

  // signature tells whether an entry shows the same as one shown before;
  // it fills in the entry's secondary (the block beside it).
  function signature(e) {
    if (e.sig) return e.sig;
    const r = e.result;
    const m = r.matches[r.primary];
    e.secondary = e.secondaryOf(r);
    const s = e.secondary;
    e.sig = [r.key, r.primary, JSON.stringify(m.ranges), e.group.page, s ? s.lang + JSON.stringify(s.ranges) : ""].join("|");
    return e.sig;
  }

  function item(e) {
    signature(e);
    const m = e.result.matches[e.result.primary];
    const b = m.block;
    const href = m.ranges.length ? withTextFragment(b.url, b.text, Math.min(...m.ranges.map((r) => r[0])), firstEnd(m.ranges), m.lang) : b.url;
    const li = el(
      "li",
      { class: "search-hit", lang: locale[m.lang], "data-lang": m.lang },
      el(
        "a",
        { class: "search-hit-link", href, "data-id": b.id },
        el("span", { class: "search-para" }, b.label),
        m.lang !== pageLang ? badge(m.lang) : null,
        " ",
        excerptNode(b.text, m.ranges, m.lang),
      ),
    );
    if (e.secondary) {
      const s = e.secondary;
      li.append(el("p", { class: "search-aligned", lang: locale[s.lang], "data-lang": s.lang, "data-id": s.block.id }, badge(s.lang), " ", excerptNode(s.block.text, s.ranges, s.lang)));
    }
    return li;
  }

  function firstEnd(ranges) {
    let best = ranges[0];
    for (const r of ranges) if (r[0] < best[0]) best = r;
    return best[1];
  }

  function groupSection(g) {
    const list = el("ol", { class: "search-hits" });
    const section = el("section", { class: "search-group", lang: locale[g.lang] }, el("h2", null, el("a", { href: g.page }, g.title)), list);
    return { section, list };
  }

  // append renders entries shown.length … target-1: in slices, or at once
  // (whole: a page asked for with "show more", which then takes the focus).
  async function append(my, whole) {
    let budget = whole ? Infinity : shown.length === 0 ? firstScreen : chunk;
    while (shown.length < Math.min(target, entries.length)) {
      if (my !== run) return;
      const frag = document.createDocumentFragment();
      for (let n = 0; n < budget && shown.length < Math.min(target, entries.length); n++) {
        const e = entries[shown.length];
        const last = shown[shown.length - 1];
        let dom = last && last.group.page === e.group.page ? last.dom : null;
        if (!dom) {
          dom = groupSection(e.group);
          frag.append(dom.section);
        }
        const li = item(e);
        dom.list.append(li);
        shown.push({ sig: signature(e), group: e.group, dom, li });
      }
      tail.before(frag);
      budget = chunk;
      updateButton();
      if (shown.length < Math.min(target, entries.length)) await yieldToMain();
    }
    updateButton();
  }

  function updateButton() {
    const left = entries.length - shown.length;
    if (left > 0 && shown.length >= target) {
      if (!button) {
        button = el("button", { type: "button", class: "search-more" });
        button.addEventListener("click", () => {
          const first = shown.length;
          target += options.pageSize();
          append(run, true);
          const next = shown[first];
          if (next) next.li.querySelector("a").focus();
        });
        tail.prepend(button);
      }
      button.textContent = format(messages.search_more, { k: Math.min(options.pageSize(), left), shown: shown.length, n: entries.length });
    } else if (button) {
      button.remove();
      button = null;
    }
  }

  return {
    // show displays ranked groups; secondaryOf(result) gives the match or
    // block to show beside it, or null. Resolves when the first page is
    // rendered.
    show(groups, secondaryOf) {
      const my = ++run;
      entries = [];
      for (const g of groups) for (const result of g.results) entries.push({ group: g, result, secondaryOf });
      // Keep what is shown as long as it matches the new results.
      let keep = 0;
      while (keep < shown.length && keep < entries.length && shown[keep].sig === signature(entries[keep])) keep++;
      for (const s of shown.slice(keep)) {
        s.li.remove();
        if (!s.dom.list.firstChild) s.dom.section.remove();
      }
      shown = shown.slice(0, keep);
      target = Math.max(options.pageSize(), Math.min(target, entries.length));
      if (!entries.length) target = options.pageSize();
      return append(my);
    },
    clear() {
      run++;
      shown = [];
      entries = [];
      target = 0;
      button = null;
      tail.replaceChildren();
      container.replaceChildren(tail);
    },
    // note shows text after the results ("" removes it).
    note(text) {
      if (noteEl.textContent !== text) noteEl.textContent = text;
      if (text) tail.append(noteEl);
      else noteEl.remove();
    },
    links: () => [...container.querySelectorAll("a.search-hit-link")],
  };
}
