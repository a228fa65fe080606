// results.js: one result per block, whatever the languages it matched in.
//
// A block of an article has the same id in every language; a result
// gathers its matches ({block, ranges, score} per language) and shows the
// match in the page's language when there is one, otherwise the match in
// the other language with the block in the page's language beside it.

// blockKey identifies a block across languages: its article and its id.
export const blockKey = (article, id) => article + "#" + id;

// mergeMatches turns matches ({lang, article, index, block, ranges, score})
// into results: [{key, matches: {lang: match}, primary: lang}], where
// primary is the page's language if the block matched in it.
export function mergeMatches(matches, pageLang) {
  const byKey = new Map();
  for (const m of matches) {
    const key = blockKey(m.article, m.block.id);
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { key, matches: {}, primary: m.lang }));
    r.matches[m.lang] = m;
    if (m.lang === pageLang) r.primary = pageLang;
  }
  return [...byKey.values()];
}
