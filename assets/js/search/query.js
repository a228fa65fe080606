// query.js: a query is a list of terms separated by spaces, each of which
// must occur; "quoted words" form one term whose words must occur in a row.
// The quotes are straight ("), curly (“ ”, what a Chinese input method types
// for "), full-width (＂) or corner brackets (「 」), any of them opening and
// any closing.
//
// Outside quotes, three more rules read a term as a reader means it:
//   - Han characters and Latin letters typed together without a space
//     (舟山port, as input methods switch without one) are terms of their
//     own: 舟山 and port, each searched in its language (plan.js);
//   - an English possessive ends a word: Zhoushan’s is Zhoushan (the ’s
//     is not a word the text must have);
//   - letters or digits joined by hyphens are a phrase: zero-employment,
//     COVID-19 and sci-tech find those words in a row, not each anywhere.
// Inside quotes the text is taken as it is.

const quoted = /["“”＂「」]([^"“”＂「」]*)["“”＂「」]?|([^\s"“”＂「」]+)/g;
const scriptBoundary = /(?<=\p{Script=Han})(?=\p{Script=Latin})|(?<=\p{Script=Latin})(?=\p{Script=Han})/u;
const possessive = /['’＇]s(?![\p{L}\p{N}])/giu;
const hyphenated = /^[\p{L}\p{N}]+(?:[-‐‑－][\p{L}\p{N}]+)+$/u;

// parseQuery returns the terms of a query: [{text, phrase}].
export function parseQuery(query) {
  const terms = [];
  for (const m of query.matchAll(quoted)) {
    if (m[1] !== undefined) {
      const text = m[1].trim();
      if (text) terms.push({ text, phrase: true });
      continue;
    }
    for (const part of m[2].split(scriptBoundary)) {
      const text = part.replace(possessive, "").trim();
      if (text) terms.push({ text, phrase: hyphenated.test(text) });
    }
  }
  return terms;
}
