// engine.js: runs a query plan (plan.js) over the articles loaded so far
// and returns the matches, in slices (schedule.js) so that a large archive
// does not block the page.
import { addVocabulary, compile, matchBlock } from "./english.js";
import { compileChinese, matchChinese } from "./chinese.js";

// vocabularyOf returns the words (word → stem) of the loaded articles of a
// language, extended as articles arrive.
async function vocabularyOf(state, pause) {
  const v = state.vocabulary || (state.vocabulary = { words: new Map(), articles: 0, blocks: 0 });
  // One block per step, the step taken before pausing: a search that
  // starts while another is paused goes on where it stopped.
  for (let a; (a = state.loaded[v.articles]); ) {
    if (v.blocks < a.blocks.length) {
      addVocabulary(v.words, [a.blocks[v.blocks++]]);
      await pause();
    } else {
      v.articles++;
      v.blocks = 0;
    }
  }
  return v.words;
}

// searchLanguage returns the matches of a language's alternatives:
// [{lang, article, order, index, block, ranges, score}]. A block matches
// when it matches any alternative; its ranges are those of every
// alternative it matches, its score the best. The matches of each article
// are kept for the query and the tiers of its words, so that a query over a
// large archive searches each article once as batches arrive, and again only
// when a word's tier changes.
export async function searchLanguage(state, lang, alternatives, t2s, pause) {
  let compiled;
  let match;
  if (lang === "zh") {
    compiled = alternatives.map((terms) => compileChinese(terms, t2s)).filter((c) => c.length);
    match = (b, c) => matchChinese(b, c, t2s);
  } else {
    const vocabulary = await vocabularyOf(state, pause);
    compiled = alternatives.map((terms) => compile(vocabulary, terms)).filter((c) => c.length);
    match = matchBlock;
  }
  if (!compiled.length) return [];
  // What the matches depend on: the Chinese terms; for English the query
  // and the tier each word matched in. New articles only add words of their
  // own to a tier, so the matches of the articles searched before stay.
  const tiers = (v) => (v instanceof Map ? Math.max(0, ...v.values()) : v);
  const key = JSON.stringify([alternatives, t2s ? 1 : 0, compiled], (k, v) => tiers(v));
  // The matches of the last few queries, per loaded article.
  const cache = state.matches || (state.matches = new Map());
  let kept = cache.get(key);
  if (!kept) {
    if (cache.size >= 16) cache.delete(cache.keys().next().value);
    cache.set(key, (kept = []));
  }
  for (let i = kept.length; i < state.loaded.length; i++) {
    const a = state.loaded[i];
    const found = [];
    for (let index = 0; index < a.blocks.length; index++) {
      const block = a.blocks[index];
      let ranges = null;
      let score = 0;
      for (const c of compiled) {
        const m = match(block, c);
        if (!m) continue;
        ranges = ranges ? ranges.concat(m.ranges) : m.ranges;
        score = Math.max(score, m.score);
      }
      if (ranges) found.push({ lang, article: a.article, order: a.order, index, block, ranges, score });
      await pause();
    }
    // Another search may have filled this place while this one paused.
    if (kept.length === i) kept.push(found);
  }
  return kept.flat();
}
