import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeMatches } from "./results.js";
import { rankResults, pageCount } from "./rank.js";

const block = (lang, id, page) => ({ id, url: `/${lang}/a/${page}#${id}`, text: id });
const match = (lang, id, page, index, score) => ({ lang, article: "a", order: 0, index, block: block(lang, id, page), ranges: [[0, 1]], score });

test("one result per block; the page's language leads when it matched", () => {
  const r = mergeMatches([match("en", "p1", "", 0, 1), match("zh", "p1", "", 0, 1), match("en", "p2", "", 1, 1)], "zh");
  assert.deepEqual(r.map((x) => [x.key, x.primary, Object.keys(x.matches).sort().join()]), [
    ["a#p1", "zh", "en,zh"],
    ["a#p2", "en", "en"],
  ]);
});

test("pages in the page's language first, then by best score; blocks in text order", () => {
  const results = mergeMatches(
    [match("zh", "p5", "s2/", 5, 1), match("zh", "p4", "s2/", 4, 9), match("zh", "p1", "", 1, 3), match("en", "p9", "s3/", 9, 20)],
    "zh",
  );
  const groups = rankResults(results, "zh", (u) => "title of " + u);
  assert.deepEqual(groups.map((g) => [g.page, g.results.map((r) => r.key)]), [
    ["/zh/a/s2/", ["a#p4", "a#p5"]],
    ["/zh/a/", ["a#p1"]],
    ["/en/a/s3/", ["a#p9"]],
  ]);
  assert.equal(groups[0].title, "title of /zh/a/s2/");
});

test("a page and its counterpart in the other language count as one page", () => {
  const g = (lang, page) => ({ lang, page: `/site/${lang}/a/${page}` });
  assert.equal(pageCount([g("zh", "s3/"), g("en", "s3/"), g("zh", "s1/"), g("en", ""), g("en", "s4/")]), 4);
  assert.equal(pageCount([]), 0);
});
