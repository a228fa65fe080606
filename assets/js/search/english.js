// english.js: matching English text word by word.
//
// A query word matches the words of the text in the first of these tiers
// that finds any word in the text searched (so a word spelled right never
// pulls in its neighbours):
//   1. the same word (weight 4), or a word with the same Porter stem (3):
//      island finds island (4) and islands (3);
//   2. a prefix, for a query word of 3 letters or more (2): the query word
//      begins the word, or its stem begins the word's stem: biomed finds
//      biomedicine, biomedical finds biomedicine (stems biomed, biomedicin);
//   3. one typo (1): for a query word of 5 letters or more, the query word
//      and the word, or their stems, are one edit apart (a letter added,
//      dropped, changed, or two neighbours swapped): prosperty finds
//      prosperity, petrochemcal finds petrochemicals (stems petrochemc,
//      petrochem); for a word of 4 letters, two neighbours swapped only
//      (ctiy finds city): one edit more would find half the short words.
// A term of several words in quotes must match them in a row. A block's
// score ranks exact matches first: its tier, the sum over the query's terms
// of the best weight each matched with, counts before anything else (rank),
// then the sum of the weights of all its matches, damped by its length.
import { stem } from "./stem.js";
import { words } from "./fold.js";

export const EXACT = 4;
export const SAME_STEM = 3;
export const PREFIX = 2;
export const TYPO = 1;

// swapped reports whether a and b, of the same length, differ by a swap of
// two neighbouring letters.
export function swapped(a, b) {
  if (a === b || a.length !== b.length) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

// typoTest returns the typo a query word of its length is forgiven, as a
// test of two words (the query word or its stem, and a word or its stem):
// one edit from five letters on, two neighbours swapped at four, none below
// (null). The one rule for the matching tiers here and for glossary
// renderings (glossary.js).
export function typoTest(query) {
  if (query.length >= 5) return oneEdit;
  if (query.length === 4) return swapped;
  return null;
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of adjacent letters.
export function oneEdit(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const blockWords = new WeakMap(); // block → [{word, start, end}]

// wordsOf returns the words of a block, computed once.
export function wordsOf(block) {
  let w = blockWords.get(block);
  if (!w) {
    w = words(block.text);
    blockWords.set(block, w);
  }
  return w;
}

// addVocabulary adds the words of a block to vocabulary (word → stem):
// all of them, or those from index from up to to.
export function addVocabulary(vocabulary, block, from = 0, to = Infinity) {
  const ws = wordsOf(block);
  for (let i = from; i < Math.min(to, ws.length); i++) {
    const { word } = ws[i];
    if (!vocabulary.has(word)) vocabulary.set(word, stem(word));
  }
}

// matchingWords returns the words of vocabulary (word → stem) that the
// query word matches, each with its weight: Map word → weight.
export function matchingWords(vocabulary, query) {
  const queryStem = stem(query);
  const found = new Map();
  for (const [word, s] of vocabulary) {
    if (word === query) found.set(word, EXACT);
    else if (s === queryStem) found.set(word, SAME_STEM);
  }
  if (found.size || query.length < 3) return found;
  for (const [word, s] of vocabulary) {
    if (word.startsWith(query) || s.startsWith(queryStem)) found.set(word, PREFIX);
  }
  const near = typoTest(query);
  if (found.size || !near) return found;
  for (const [word, s] of vocabulary) {
    if (near(query, word) || near(queryStem, s)) found.set(word, TYPO);
  }
  return found;
}

// compile turns query terms into groups of word matchers: one group per
// term, one matcher (Map word → weight) per word of the term.
export function compile(vocabulary, terms) {
  const groups = [];
  for (const t of terms) {
    const ws = words(t.text).map((w) => matchingWords(vocabulary, w.word));
    if (!ws.length) continue;
    if (t.phrase) groups.push(ws);
    else for (const w of ws) groups.push([w]);
  }
  return groups;
}

// settled reports whether compiled groups (compile) would match the same
// words in a larger text: true unless a query word matched only by prefix
// or with a typo, since more text may hold the word itself (or a prefix),
// and then that tier replaces the one matched now. A word that matched
// nothing only gains words as text arrives.
export function settled(groups) {
  for (const g of groups) {
    for (const m of g) {
      let best = 0;
      for (const w of m.values()) best = Math.max(best, w);
      if (m.size && best < SAME_STEM) return false;
    }
  }
  return true;
}

// matchBlock returns {ranges, score} when the block matches every group
// (ranges: the [start, end) offsets of each match in its text), or null.
export function matchBlock(block, groups) {
  const ws = wordsOf(block);
  const ranges = [];
  let score = 0;
  let tier = 0;
  for (const g of groups) {
    let found = false;
    let best = 0;
    for (let i = 0; i + g.length <= ws.length; i++) {
      let weight = 0;
      let j = 0;
      for (; j < g.length; j++) {
        const w = g[j].get(ws[i + j].word);
        if (!w) break;
        weight += w;
      }
      if (j === g.length) {
        found = true;
        ranges.push([ws[i].start, ws[i + g.length - 1].end]);
        score += weight;
        best = Math.max(best, weight);
      }
    }
    if (!found) return null;
    tier += best;
  }
  return { ranges, score: rank(tier, score / Math.sqrt(1 + ws.length / 50)) };
}

// rank returns a block's score: tier (the sum over the query's terms of the
// best weight each matched with) first, then within a tier the damped sum of
// the weights of all matches (below 1,000 for any block: a weight is at most
// 4 a word).
export function rank(tier, damped) {
  return tier * 1000 + damped;
}
