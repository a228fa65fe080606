// query.js: a query is a list of terms separated by spaces, each of which
// must occur; "quoted words" form one term whose words must occur in a row.

// parseQuery returns the terms of a query: [{text, phrase}].
export function parseQuery(query) {
  const terms = [];
  for (const m of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const phrase = m[1] !== undefined;
    const text = (phrase ? m[1] : m[2]).trim();
    if (text) terms.push({ text, phrase });
  }
  return terms;
}
