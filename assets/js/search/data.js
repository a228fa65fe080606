// data.js: the search data, loaded once and kept.
//
// The page holds the JSON data block #search-data (layouts/_partials/
// search-data.html): {lang, articles: {language: [URL…]}, included: {URL:
// article data}, t2s: URL}. Each article's search
// data (search-shard.html) is {article, title, pages: {URL: title}, data:
// URL, blocks: [{id, label, url}]}; the text of its blocks is in the
// article's aligned data (data: blocks.json, both languages, one file for
// the two languages' search data and the downloads), which gives each
// block its text here. Articles are loaded in batches of 1, 2, 4 … 32, in
// the page's order (newest first), so that a large archive shows results
// before its last article arrives; an article included in the page carries
// its blocks' sentences and costs no request. A block's text is its
// sentences joined, with nothing between them in Chinese and one space in
// English; spans holds each sentence's [start, end) in it, the same
// sentences in both languages (the alignment), so that a block can be shown
// at the sentence that matched in the other language.
import { yieldToMain } from "./schedule.js";

// setText sets block.text to the sentences joined and block.spans to where
// each is in it.
export function setText(block, sentences, lang) {
  const sep = lang === "zh" ? "" : " ";
  let text = "";
  const spans = [];
  sentences.forEach((s, i) => {
    if (i > 0) text += sep;
    spans.push([text.length, text.length + s.length]);
    text += s;
  });
  block.text = text;
  block.spans = spans;
}

// readPageData returns the page's search data block, or null.
export function readPageData() {
  const el = document.getElementById("search-data");
  return el ? JSON.parse(el.textContent) : null;
}

// createStore returns the loaders of the search data described by page.
export function createStore(page) {
  const files = new Map(); // URL → promise of its JSON
  for (const [url, data] of Object.entries(page.included || {})) files.set(url, Promise.resolve(data));
  // Requests are made one a task: a call to fetch costs the page's thread
  // a millisecond or two (several on a phone), and a batch of 32 articles'
  // files requested at once was one long task.
  const queue = [];
  let draining = false;
  const drain = async () => {
    draining = true;
    // The first request at once; each next one, made in the same task or
    // later, after a yield.
    while (queue.length) {
      queue.shift()();
      await yieldToMain();
    }
    draining = false;
  };
  const request = (url) =>
    new Promise((resolve, reject) => {
      queue.push(() =>
        fetch(url)
          .then((r) => {
            if (!r.ok) throw new Error(r.status + " " + url);
            return r.json();
          })
          .then(resolve, reject),
      );
      if (!draining) drain();
    });
  const get = (url) => {
    if (!files.has(url)) files.set(url, request(url));
    return files.get(url);
  };
  const titles = new Map(); // page URL → title, of the articles loaded
  const articleTitles = new Map(); // language + article → its title
  const addTitles = (a) => {
    for (const [url, title] of Object.entries(a.pages || {})) if (!titles.has(url)) titles.set(url, title);
    articleTitles.set(a.lang + " " + a.article, a.title);
  };

  // withText gives the blocks of an article's search data their text and
  // spans in lang: from their own sentences (an article included in the
  // page), or from the article's aligned data.
  const withText = (article, lang) => {
    if (article.blocks.every((b) => Array.isArray(b.sentences))) {
      for (const b of article.blocks) setText(b, b.sentences, lang);
      return Promise.resolve(article);
    }
    return get(article.data).then((aligned) => {
      const byId = new Map(aligned.blocks.map((b) => [b.id, b]));
      for (const b of article.blocks) {
        const a = byId.get(b.id);
        setText(b, a ? a.sentences.map((s) => s[lang] || "") : [], lang);
      }
      return article;
    });
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
      const a = page.included[urls[next]];
      for (const b of a.blocks) if (Array.isArray(b.sentences)) setText(b, b.sentences, lang);
      addTitles(Object.assign(a, { lang, order: next }));
      state.loaded.push(a);
    }
    state.complete = next >= urls.length;
    state.more = () => {
      if (state.complete) return Promise.resolve();
      if (!pending) {
        const batch = urls.slice(next, next + Math.min(32, next + 1));
        const first = next;
        next += batch.length;
        pending = Promise.all(batch.map((url) => get(url).then((a) => withText(a, lang)))).then(
          (got) => {
            got.forEach((a, i) => {
              addTitles(Object.assign(a, { lang, order: first + i }));
              state.loaded.push(a);
            });
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

  return {
    articles,
    t2s: () => (page.t2s ? get(page.t2s) : Promise.resolve(null)),
    // title returns the title of a page of the loaded articles.
    title: (url) => titles.get(url) || url,
    // articleTitle returns the title of a loaded article in a language.
    articleTitle: (article, lang) => articleTitles.get(lang + " " + article) || null,
    // archive reports whether the search covers more than one article.
    archive: Object.values(page.articles || {}).some((urls) => urls.length > 1),
  };
}
