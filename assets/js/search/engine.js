// engine.js: runs a query plan (plan.js) over the articles loaded so far
// and returns the matches, in slices (schedule.js) so that a large archive
// does not block the page.
import { addVocabulary, compile, matchBlock, settled, wordsOf } from "./english.js";
import { compileChinese, matchChinese } from "./chinese.js";

// vocabularyStep is the number of words a step of vocabularyOf stems.
const vocabularyStep = 16;

// vocabularyOf returns the words (word → stem) of the loaded articles of a
// language, extended as articles arrive.
async function vocabularyOf(state, pause) {
  const v = state.vocabulary || (state.vocabulary = { words: new Map(), articles: 0, blocks: 0, at: 0 });
  // A few words per step, the step taken before pausing: a search that
  // starts while another is paused goes on where it stopped.
  for (let a; (a = state.loaded[v.articles]); ) {
    if (v.blocks < a.blocks.length) {
      const block = a.blocks[v.blocks];
      const n = wordsOf(block).length;
      const to = Math.min(n, v.at + vocabularyStep);
      addVocabulary(v.words, block, v.at, to);
      if (to < n) v.at = to;
      else {
        v.blocks++;
        v.at = 0;
      }
      await pause();
    } else {
      v.articles++;
      v.blocks = 0;
    }
  }
  return v.words;
}

// mergeRanges returns ranges ([start, end) pairs) sorted, each once.
export function mergeRanges(ranges) {
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return sorted.filter((r, i) => i === 0 || r[0] !== sorted[i - 1][0] || r[1] !== sorted[i - 1][1]);
}

// searchLanguage returns the matches of a language's alternatives,
// {matches: [{lang, article, order, index, block, ranges, score}], settled}.
// A block matches when it matches any alternative; its ranges are those of
// every alternative it matches (each once), its score the best. settled is
// false when an English word matched by prefix or with a typo only
// (english.js: settled): articles not loaded yet may hold the word itself,
// which would replace those matches, so they are final only once every
// article has been searched.
//
// The matches of each alternative are kept per article, for the
// alternative and the tiers of its words, so that over a large archive
// each article is searched once as batches arrive, a plan that gains an
// alternative (a glossary term the query names) searches only for that
// one, and an article is searched again only when a word's tier changes.
export async function searchLanguage(state, lang, alternatives, t2s, pause) {
  let compiled;
  let match;
  // The articles searched: those loaded now. Articles that arrive while
  // the search pauses are left to the next search, since their words are
  // not in the vocabulary the query was compiled with.
  let loaded;
  if (lang === "zh") {
    loaded = state.loaded.length;
    compiled = alternatives.map((terms) => compileChinese(terms, t2s));
    match = (b, c) => matchChinese(b, c, t2s);
  } else {
    const vocabulary = await vocabularyOf(state, pause);
    loaded = state.loaded.length;
    compiled = alternatives.map((terms) => compile(vocabulary, terms));
    match = matchBlock;
  }
  // What an alternative's matches depend on: its Chinese terms; for
  // English its terms and the tier each word matched in. New articles
  // only add words of their own to a tier, so the matches of the articles
  // searched before stay.
  const tiers = (v) => (v instanceof Map ? Math.max(0, ...v.values()) : v);
  // The matches of the last few alternatives, per loaded article.
  const cache = state.matches || (state.matches = new Map());
  const byBlock = new Map(); // "article index" → match
  const found = [];
  for (let k = 0; k < alternatives.length; k++) {
    const c = compiled[k];
    if (!c.length) continue;
    const key = JSON.stringify([alternatives[k], t2s ? 1 : 0, c], (_, v) => tiers(v));
    let kept = cache.get(key);
    if (!kept) {
      if (cache.size >= 32) cache.delete(cache.keys().next().value);
      cache.set(key, (kept = []));
    }
    for (let i = kept.length; i < loaded; i++) {
      const a = state.loaded[i];
      const matched = [];
      for (let index = 0; index < a.blocks.length; index++) {
        const m = match(a.blocks[index], c);
        if (m) matched.push({ index, ranges: m.ranges, score: m.score });
        await pause();
      }
      // Another search may have filled this place while this one paused.
      if (kept.length === i) kept.push(matched);
    }
    for (let i = 0; i < Math.min(kept.length, loaded); i++) {
      const a = state.loaded[i];
      for (const { index, ranges, score } of kept[i]) {
        const id = a.article + " " + index;
        const had = byBlock.get(id);
        if (had) {
          had.ranges = had.ranges.concat(ranges);
          had.score = Math.max(had.score, score);
        } else {
          const m = { lang, article: a.article, order: a.order, index, block: a.blocks[index], ranges, score };
          byBlock.set(id, m);
          found.push(m);
        }
      }
    }
    await pause();
  }
  for (const m of found) m.ranges = mergeRanges(m.ranges);
  return {
    matches: found.sort((a, b) => a.order - b.order || a.index - b.index),
    settled: lang === "zh" || compiled.every(settled),
  };
}
