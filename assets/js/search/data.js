// data.js: the search data, loaded once and kept.
//
// The page holds the JSON data block #search-data (layouts/_partials/
// search-data.html): {lang, articles: {language: [URL…]}, included: {URL:
// article data}, glossary: URL, t2s: URL, messages}. Each article's search
// data (search-shard.html) is {article, title, pages: {URL: title},
// blocks: [{id, label, url, text}]}. Articles are loaded in batches of 1,
// 2, 4 … 32, in the page's order (newest first), so that a large archive
// shows results before its last article arrives; an article included in
// the page costs no request.
import { prepareGlossary } from "./glossary.js";

// readPageData returns the page's search data block, or null.
export function readPageData() {
  const el = document.getElementById("search-data");
  return el ? JSON.parse(el.textContent) : null;
}

// createStore returns the loaders of the search data described by page.
export function createStore(page) {
  const files = new Map(); // URL → promise of its JSON
  for (const [url, data] of Object.entries(page.included || {})) files.set(url, Promise.resolve(data));
  const get = (url) => {
    if (!files.has(url)) {
      files.set(
        url,
        fetch(url).then((r) => {
          if (!r.ok) throw new Error(r.status + " " + url);
          return r.json();
        }),
      );
    }
    return files.get(url);
  };

  const languages = new Map();
  // articles returns the articles of a language loaded so far: {loaded:
  // [article data…], complete, error, more(): promise of the next batch}.
  // Each article data gets lang and order (its place in the list).
  function articles(lang) {
    let state = languages.get(lang);
    if (state) return state;
    const urls = page.articles[lang] || [];
    state = { loaded: [], complete: false, error: null };
    let next = 0;
    let pending = null;
    // The articles included in the page are there at once.
    for (; next < urls.length && page.included && page.included[urls[next]]; next++) {
      state.loaded.push(Object.assign(page.included[urls[next]], { lang, order: next }));
    }
    state.complete = next >= urls.length;
    state.more = () => {
      if (state.complete) return Promise.resolve();
      if (!pending) {
        const batch = urls.slice(next, next + Math.min(32, next + 1));
        const first = next;
        next += batch.length;
        pending = Promise.all(batch.map(get)).then(
          (got) => {
            got.forEach((a, i) => state.loaded.push(Object.assign(a, { lang, order: first + i })));
            state.complete = next >= urls.length;
            pending = null;
          },
          (e) => {
            state.error = e;
            state.complete = true;
            pending = null;
          },
        );
      }
      return pending;
    };
    languages.set(lang, state);
    return state;
  }

  let glossary = null;
  return {
    articles,
    glossary: () => (glossary = glossary || get(page.glossary).then(prepareGlossary)),
    t2s: () => (page.t2s ? get(page.t2s) : Promise.resolve(null)),
    // title returns the title of a page of the loaded articles.
    title(url) {
      for (const state of languages.values()) for (const a of state.loaded) if (a.pages[url]) return a.pages[url];
      return url;
    },
  };
}
