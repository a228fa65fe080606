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
// alternative it matches, its score the best.
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
  const matches = [];
  if (!compiled.length) return matches;
  for (const a of state.loaded) {
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
      if (ranges) matches.push({ lang, article: a.article, order: a.order, index, block, ranges, score });
      await pause();
    }
  }
  return matches;
}
