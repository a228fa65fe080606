// ui.js: the search page (layouts/search.html). Reads ?q= (and ?both=1),
// runs the query as data arrives, shows the count and the results, keeps
// the address, the tab title and the language switch (which opens the
// other search page with the query) in step with the box, and moves through
// the results with the keyboard: "/" focuses the box, ↓ ↑ move, Escape
// returns.
//
// A query runs as soon as the page's own data allows: a query in the page's
// language shows its first results from the data included in the page and
// the glossary built into the script (glossary.js: the terms a query names
// are known at once); other articles and the other language are fetched as
// the query needs them. The first results wait for the first batch of
// every language the query loads (they are fetched together), so that
// none of them ranks above a result already shown or changes it; later
// batches (a large archive) add results after those shown.
// For tests and benchmarks the page records, on <html>: data-search-first-ms
// (when the first result was shown), data-search-q and data-search-done
// (which query the results show, once complete); and the performance mark
// "search-start" when the script starts.
import { search as built } from "@params";
import { readPageData, createStore } from "./data.js";
import { planQuery, splitQuery, languages } from "./plan.js";
import { computeForms, prepareGlossary, termsNamed } from "./glossary.js";
import { searchLanguage } from "./engine.js";
import { mergeMatches } from "./results.js";
import { rankResults, pageCount } from "./rank.js";
import { createView } from "./results-view.js";
import { format, plural } from "./format.js";
import { slicer, yieldToMain, cancelled } from "./schedule.js";
import { writtenIn, foldChinese } from "./fold.js";

// invisible are characters that show nothing: soft hyphen, zero-width
// space and joiners, word joiner, byte order mark.
const invisible = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function init() {
  performance.mark("search-start");
  const form = document.getElementById("search-form");
  const page = readPageData();
  if (!form || !page) return;
  const input = document.getElementById("search-q");
  const both = document.getElementById("search-both");
  const status = document.getElementById("search-status");
  // "Loading…" after a count is shown beside the live region, not in it:
  // the count is announced once, not again when the rest has loaded.
  const loading = document.getElementById("search-loading") || document.createElement("span");
  const out = document.getElementById("search-results");
  const root = document.documentElement;
  const pageLang = page.lang;
  const messages = built.messages;
  const locale = {};
  for (const a of document.querySelectorAll("link[rel=alternate][hreflang]")) {
    const tag = a.hreflang;
    const lang = languages.find((l) => tag.toLowerCase().startsWith(l));
    if (lang && !locale[lang]) locale[lang] = tag;
  }
  for (const l of languages) locale[l] = locale[l] || l;
  const baseTitle = document.title;
  const store = createStore(page);
  const view = createView(out, { pageLang, messages, locale, pageSize: () => +form.dataset.pageSize || 50 });
  let seq = 0;
  let glossary = null; // prepared at the first query

  // block returns the block of an article in a language, if loaded.
  function blockIn(lang, article, id) {
    for (const a of store.articles(lang).loaded) {
      if (a.article !== article) continue;
      const index = a.blocks.findIndex((b) => b.id === id);
      if (index >= 0) return { lang, article, index, block: a.blocks[index], ranges: [] };
    }
    return null;
  }

  function statusText(results, groups) {
    if (!results.length) return messages.search_none;
    return format(messages.search_count, {
      paragraphs: plural(messages.search_paragraphs, results.length, locale[pageLang]),
      pages: plural(messages.search_pages, pageCount(groups), locale[pageLang]),
    });
  }

  // setStatus changes the status line only when its text changes: a
  // change is announced, and costs a layout. It is given the final count
  // of a query's results, or nothing: a screen reader hears the count once
  // per query. setLoading shows, beside it and not announced, "Loading…",
  // or the count so far while more is to come (a large archive changes it
  // with every batch).
  const setLoading = (on, count = "") => {
    const text = !on ? "" : count ? format(messages.search_loading_more, { count }) : messages.search_loading;
    if (loading.textContent !== text) loading.textContent = text;
  };
  const setStatus = (text) => {
    if (status.textContent !== text) status.textContent = text;
  };

  // showNote says, before the results, which glossary terms the query
  // named and so was also searched for: the first five, and a button for
  // the rest, which shows them all (until the query changes).
  // Each term and rendering carries its language, for a screen reader's
  // voice.
  const noteOpen = new Set(); // the queries whose note shows every term
  function showNote(named, query = "") {
    if (!named.length) return view.note([]);
    const all = noteOpen.has(query) || named.length <= 6;
    const parts = [];
    named.slice(0, all ? named.length : 5).forEach((t, i) => {
      if (i > 0) parts.push(messages.search_glossary_sep);
      // A no-break space: a line never starts with "=".
      parts.push(langSpan("zh", t.zh), "\u00a0= ", langSpan("en", t.en[0]));
    });
    if (!all) {
      const more = document.createElement("button");
      more.type = "button";
      more.className = "search-note-more";
      more.textContent = format(messages.search_glossary_more, { n: named.length - 5 });
      more.addEventListener("click", () => {
        noteOpen.add(query);
        showNote(named, query);
        view.focusNote();
      });
      parts.push(messages.search_glossary_sep, more);
    }
    const [before, after = ""] = messages.search_glossary.split("{terms}");
    view.note([before, ...parts, after].filter((p) => p !== ""));
  }
  function langSpan(lang, text) {
    if (lang === pageLang) return text;
    const s = document.createElement("span");
    s.lang = locale[lang];
    s.textContent = text;
    return s;
  }

  async function run(raw) {
    const my = ++seq;
    // Invisible characters (a soft hyphen or zero-width space copied with
    // the text) are not searched for: is\u00adland is island.
    const query = raw.replace(invisible, "").trim();
    document.title = query ? format(messages.search_title, { q: query, title: baseTitle }) : baseTitle;
    if (!query) {
      view.clear();
      showNote([]);
      status.textContent = "";
      setLoading(false);
      return;
    }
    const withBoth = both.checked;
    const live = () => my === seq;
    // Beside a result: the block in the page's language when it was found
    // only in the other; the block in the other language when the query is
    // written in it, or with "both languages".
    const other = languages.find((l) => l !== pageLang);
    // A query written in both languages: each term in its own, a block
    // must match all (plan.js).
    const split = splitQuery(query, pageLang) !== null;
    const showOther = withBoth || split || writtenIn(query) === other;
    glossary = glossary || prepareGlossary(built.glossary);
    let t2s = null; // the traditional → simplified map, once the search folds with it
    let t2sMap = null;
    let t2sTried = false;
    let first = true;
    try {
      // The search starts in a task of its own, apart from the script's.
      await yieldToMain();
      if (my !== seq) return;
      for (;;) {
        // Each step starts a new task when the slice is used up.
        const pause = slicer(live);
        // The glossary terms the query names.
        await computeForms(glossary, writtenIn(query) === "zh" ? "zh" : "en", pause);
        const named = split ? [] : termsNamed(glossary, query, t2s);
        const plan = planQuery(query, pageLang, withBoth, named);
        const langs = Object.keys(plan);
        // The page's language is loaded too, to show a block found in the
        // other language beside its text in the page's language.
        const load = [...new Set([...langs, pageLang])].map((l) => store.articles(l));
        // The first results wait for the first batch of the languages that
        // can change them: the page's language (its results rank first),
        // and the other when its blocks are shown beside the results; they
        // are requested together, at once. Otherwise the other language
        // only adds results ranked after them, and is fetched once they
        // are shown (or when there are none).
        const needed = showOther ? load : [store.articles(pageLang)];
        const ready = needed.every((s) => s.complete || s.loaded.length > 0);
        for (const s of first ? needed : load) if (!s.complete) s.more();
        const complete = load.every((s) => s.complete);
        await pause();
        // Search what is loaded (the page's own data at first).
        const matches = [];
        // Matches by prefix or with a typo are shown once every article
        // of their language has been searched: an article still to come
        // may hold the word itself, and those matches would then go.
        // (An article that arrives during the search is searched next
        // time: what was complete counts from before it.)
        let final = true;
        for (const l of langs) {
          const whole = store.articles(l).complete;
          const found = await searchLanguage(store.articles(l), l, plan[l], t2s, pause);
          matches.push(...found.matches);
          final = final && (found.settled || whole);
        }
        if (my !== seq) return;
        await pause();
        let results = mergeMatches(matches, pageLang);
        if (split) results = results.filter((r) => r.matches.zh && r.matches.en);
        if (!t2s && writtenIn(query) === "zh" && !matches.some((m) => m.lang === "zh")) {
          // No Chinese match in what is loaded. A query in traditional
          // characters is folded to simplified ones at once, before the
          // rest of the archive is loaded to be searched with the query
          // unfolded; any other query once everything is loaded and has
          // no match, in case the text is in traditional characters.
          if (!t2sTried) {
            t2sTried = true;
            t2sMap = await store.t2s();
            if (my !== seq) return;
            if (t2sMap && foldChinese(query, t2sMap).folded !== foldChinese(query, null).folded) {
              t2s = t2sMap;
              continue;
            }
          }
          if (complete && t2sMap) {
            t2s = t2sMap;
            continue;
          }
        }
        if ((results.length && (ready || !first) && final) || complete) {
          const groups = rankResults(results, pageLang, store.title, store.archive ? store.articleTitle : undefined);
          await pause();
          const count = statusText(results, groups);
          setStatus(complete ? count : "");
          setLoading(!complete, complete ? "" : count);
          showNote(named, query);
          const secondaryOf = (r) => {
            const m = r.matches[r.primary];
            const lang = r.primary !== pageLang ? pageLang : showOther ? other : null;
            return lang && (r.matches[lang] || blockIn(lang, m.article, m.block.id));
          };
          const shown = view.show(groups, secondaryOf, query + (withBoth ? "\n" : ""));
          if (first && results.length) {
            first = false;
            root.dataset.searchFirstMs = String(performance.now());
          }
          await shown;
          if (my !== seq) return;
        } else {
          setStatus("");
          setLoading(true);
        }
        if (complete) break;
        // Wait for the next batch, unless one arrived during the search.
        const pending = load.filter((s) => !s.complete).map((s) => s.more());
        if (pending.length) await Promise.race(pending);
        if (my !== seq) return;
        const err = load.find((s) => s.error);
        if (err) throw err.error;
      }
      root.dataset.searchQ = raw.trim();
      root.dataset.searchDone = String(my);
    } catch (e) {
      if (e === cancelled || my !== seq) return;
      status.textContent = messages.search_error;
      setLoading(false);
      throw e;
    }
  }

  // withQuery returns href with the query in the box and "both languages".
  const withQuery = (href) => {
    const u = new URL(href, location.href);
    const q = input.value.trim();
    if (q) u.searchParams.set("q", q);
    else u.searchParams.delete("q");
    if (both.checked) u.searchParams.set("both", "1");
    else u.searchParams.delete("both");
    return u.href;
  };
  // The language switch opens the other search page with the query.
  const switches = [...document.querySelectorAll("a[data-lang-switch]")].map((a) => [a, a.getAttribute("href")]);
  const carryQuery = () => {
    for (const [a, href] of switches) a.href = withQuery(href);
  };
  // The address follows the box. Each query the reader arrived with,
  // submitted or went back to keeps its history entry: the first change
  // after it makes a new entry (pushState), later changes, while typing,
  // replace that one (debounced), so that Back goes through the queries
  // the reader searched for, not through every keystroke.
  let urlTimer = 0;
  let keep = false; // the current entry holds a query to keep
  function writeURL() {
    clearTimeout(urlTimer);
    const href = withQuery(location.href);
    if (href !== location.href) {
      if (keep) history.pushState(null, "", href);
      else history.replaceState(history.state, "", href);
      keep = false;
    }
    carryQuery();
  }
  function updateURL() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeURL, 250);
  }
  function commitURL() {
    writeURL();
    keep = !!input.value.trim();
  }
  // Back or Forward to another query: the box, the title and the results
  // follow; a reader who was moving through the results with the keyboard
  // is put back on the same result if the query has it, otherwise in the
  // box, not left on the page's body.
  window.addEventListener("popstate", async () => {
    clearTimeout(urlTimer);
    clearTimeout(inputTimer);
    const was = document.activeElement;
    const onResult = out.contains(was) && was.matches("a.search-hit-link") ? was.getAttribute("href") : null;
    fromURL();
    await run(input.value);
    if (!onResult || (document.activeElement !== document.body && out.contains(document.activeElement))) return;
    const same = view.links().find((a) => a.getAttribute("href") === onResult);
    (same || input).focus();
  });
  let inputTimer = 0;
  input.addEventListener("input", () => {
    clearTimeout(inputTimer);
    inputTimer = setTimeout(() => run(input.value), 40);
    updateURL();
    // The switch carries what is in the box now, not when the address
    // is next written.
    carryQuery();
  });
  both.addEventListener("change", () => {
    run(input.value);
    commitURL();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    run(input.value);
    commitURL();
  });

  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const editing = t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !editing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      input.focus();
      input.select();
      return;
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Escape") return;
    const links = view.links();
    const i = links.indexOf(t);
    if (e.key === "Escape" && i >= 0) return input.focus();
    if (t === input && e.key === "ArrowDown" && links.length) {
      e.preventDefault();
      return links[0].focus();
    }
    if (i < 0) return;
    e.preventDefault();
    if (e.key === "ArrowDown") links[Math.min(i + 1, links.length - 1)].focus();
    else if (i === 0) input.focus();
    else links[i - 1].focus();
  });

  function fromURL() {
    const params = new URLSearchParams(location.search);
    // A search box drops line breaks from its value: they separate words.
    input.value = (params.get("q") || "").replace(/[\r\n]+/g, " ");
    both.checked = params.get("both") === "1";
    keep = !!input.value.trim();
    carryQuery();
  }
  fromURL();
  if (input.value.trim()) run(input.value);
}
