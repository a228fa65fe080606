// query.js: a query is a list of terms separated by spaces, each of which
// must occur; "quoted words" form one term whose words must occur in a row.
// The quotes are straight ("), curly (“ ”, what a Chinese input method types
// for "), full-width (＂) or corner brackets (「 」), any of them opening and
// any closing.
//
// Outside quotes, three more rules read a term as a reader means it:
//   - Latin words and Han characters typed together without a space
//     (舟山port, COVID-19疫情, as input methods switch without one) are
//     terms of their own, each searched in its language (plan.js); digits
//     stay with the characters they are typed with (1亿吨, 2035年, 20th);
//   - an English possessive ends a word: Zhoushan’s is Zhoushan (the ’s
//     is not a word the text must have), whichever apostrophe a keyboard
//     types (' ’ ‘ ` ＇) and in full-width letters too;
//   - letters or digits joined by a hyphen, a dash or an apostrophe are a
//     phrase: zero-employment, COVID-19, sea–land and Xi'an find those words
//     in a row, not each anywhere.
// Inside quotes the text is taken as it is.

const quoted = /["“”＂「」]([^"“”＂「」]*)["“”＂「」]?|([^\s"“”＂「」]+)/g;
const runs = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const latin = /\p{Script=Latin}/u;
const apostrophes = "'’‘`＇";
// possessive is an English possessive ending: the one rule for the search
// and for the glossary terms a query names (glossary.js).
export const possessive = new RegExp(`[${apostrophes}][sｓ](?![\\p{L}\\p{N}])`, "giu");
const joined = new RegExp(`^[\\p{L}\\p{N}]+(?:[-‐‑－–—${apostrophes}][\\p{L}\\p{N}]+)+$`, "u");

// scripts cuts a word where a run with Latin letters meets Han characters.
function scripts(word) {
  const out = [];
  let last = null;
  for (const run of word.match(runs) || []) {
    const kind = latin.test(run) ? "latin" : "han";
    if (kind === last) out[out.length - 1] += run;
    else out.push(run);
    last = kind;
  }
  return out;
}

// parseQuery returns the terms of a query: [{text, phrase}].
export function parseQuery(query) {
  const terms = [];
  for (const m of query.matchAll(quoted)) {
    if (m[1] !== undefined) {
      const text = m[1].trim();
      if (text) terms.push({ text, phrase: true });
      continue;
    }
    for (const part of scripts(m[2])) {
      const text = part.replace(possessive, "").trim();
      if (text) terms.push({ text, phrase: joined.test(text) });
    }
  }
  return terms;
}
