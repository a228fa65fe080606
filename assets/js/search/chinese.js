// chinese.js: matching Chinese text. Each term of the query, folded
// (fold.js: letters and digits only, traditional → simplified), must occur
// in the folded text of the block; so 两个先行 finds “两个先行” and 两个，先行
// finds it too. The highlight covers the original characters. A block's
// score is that of an English block whose every term matched exactly
// (english.js, rank): weight 4 each, the number of matches damped by the
// block's length.
import { foldChinese } from "./fold.js";
import { EXACT, rank } from "./english.js";

const folds = new WeakMap(); // block → {t2s, fold}

function foldOf(block, t2s) {
  let f = folds.get(block);
  if (!f || f.t2s !== t2s) {
    f = { t2s, fold: foldChinese(block.text, t2s) };
    folds.set(block, f);
  }
  return f.fold;
}

// compileChinese returns the folded terms of a query (empty ones dropped).
export function compileChinese(terms, t2s) {
  return terms.map((t) => foldChinese(t.text, t2s).folded).filter(Boolean);
}

// matchChinese returns {ranges, score} when the block holds every folded
// term, or null.
export function matchChinese(block, folded, t2s) {
  const { folded: text, starts, ends } = foldOf(block, t2s);
  const ranges = [];
  for (const q of folded) {
    let at = text.indexOf(q);
    if (at < 0) return null;
    for (; at >= 0; at = text.indexOf(q, at + q.length)) ranges.push([starts[at], ends[at + q.length - 1]]);
  }
  return { ranges, score: rank(EXACT * folded.length, (EXACT * ranges.length) / Math.sqrt(1 + text.length / 100)) };
}
