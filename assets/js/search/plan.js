// plan.js: which languages a query searches, and for what.
//
// A query searches the language it is written in (Han characters:
// Chinese; Latin letters: English; neither: the page's language), whatever
// the page's language, and with "both languages" the other language too.
// Every glossary term it names (glossary.js) is searched for in both
// languages: the Chinese term in the Chinese text, each English rendering
// (as words in a row) in the English text. A block matches a language
// when it matches any of that language's queries.
//
// A query whose terms are written in both (舟山 port) searches each term in
// its own language, and a block must match all of them, each in its
// language (splitQuery); it names no glossary term.
import { parseQuery } from "./query.js";
import { writtenIn } from "./fold.js";

export const languages = ["zh", "en"];

// planQuery returns {language: [terms, …]}: for each language to search,
// the alternative queries (each a list of terms, parseQuery) it is
// searched for. named: the glossary entries the query names (or []).
export function planQuery(query, pageLang, both, named) {
  const split = splitQuery(query, pageLang);
  if (split) return { zh: [split.zh], en: [split.en] };
  const plan = {};
  const add = (lang, terms) => {
    if (terms.length) (plan[lang] = plan[lang] || []).push(terms);
  };
  const terms = parseQuery(query);
  const own = writtenIn(query) || pageLang;
  add(own, terms);
  if (both) for (const l of languages) if (l !== own) add(l, terms);
  for (const t of named) {
    add("zh", [{ text: t.zh, phrase: true }]);
    for (const r of t.en) add("en", [{ text: r, phrase: true }]);
  }
  return plan;
}

// splitQuery returns {zh: terms, en: terms} for a query with terms written
// in both languages, terms of neither (digits) going with the page's
// language; otherwise null.
export function splitQuery(query, pageLang) {
  const terms = parseQuery(query);
  const langs = terms.map((t) => writtenIn(t.text));
  if (!langs.includes("zh") || !langs.includes("en")) return null;
  const out = { zh: [], en: [] };
  terms.forEach((t, i) => out[langs[i] || pageLang].push(t));
  return out;
}
