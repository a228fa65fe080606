// rank.js: the order of the results. They are grouped by the page their
// link opens (a section page, or the article page for the opening and
// closing paragraphs). Pages in the page's language come first; then pages
// by their best result's score; within a page, blocks in text order.
// Scores come from english.js and chinese.js: exact matches weigh most.

// pageOf returns the page a block is read on: its URL without the fragment.
export const pageOf = (block) => block.url.split("#")[0];

// rankResults returns the results in display order, grouped:
// [{page, lang, title, article, results: [...]}]. titles: page URL →
// title; articles (optional): article → its title, to name it beside the
// page's (an archive), or null.
export function rankResults(results, pageLang, titles, articles = () => null) {
  const groups = new Map();
  for (const r of results) {
    const m = r.matches[r.primary];
    const page = pageOf(m.block);
    let g = groups.get(page);
    if (!g) {
      const article = articles(m.article, r.primary);
      groups.set(page, (g = { page, lang: r.primary, title: titles(page), article, results: [], score: 0, order: [m.order, m.index] }));
    }
    g.results.push(r);
    g.score = Math.max(g.score, m.score);
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      (a.lang === pageLang ? 0 : 1) - (b.lang === pageLang ? 0 : 1) ||
      b.score - a.score ||
      a.order[0] - b.order[0] ||
      a.order[1] - b.order[1],
  );
  for (const g of sorted) g.results.sort((a, b) => a.matches[a.primary].index - b.matches[b.primary].index);
  return sorted;
}

// pageCount returns the number of pages the groups stand for, a page and
// its counterpart in the other language counted once (/zh/a/s3/ and
// /en/a/s3/: a section found in both languages, listed under each), so that
// both search pages count the same pages for a query.
export function pageCount(groups) {
  return new Set(groups.map((g) => g.page.replace("/" + g.lang + "/", "/"))).size;
}
