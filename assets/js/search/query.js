// query.js: a query is a list of terms separated by spaces, each of which
// must occur; "quoted words" form one term whose words must occur in a row.
// The quotes are straight ("), curly (“ ”, what a Chinese input method types
// for "), full-width (＂) or corner brackets (「 」), any of them opening and
// any closing.

const quoted = /["“”＂「」]([^"“”＂「」]*)["“”＂「」]?|([^\s"“”＂「」]+)/g;

// parseQuery returns the terms of a query: [{text, phrase}].
export function parseQuery(query) {
  const terms = [];
  for (const m of query.matchAll(quoted)) {
    const phrase = m[1] !== undefined;
    const text = (phrase ? m[1] : m[2]).trim();
    if (text) terms.push({ text, phrase });
  }
  return terms;
}
