import { test } from "node:test";
import assert from "node:assert/strict";
import { searchLanguage, mergeRanges } from "./engine.js";
import { parseQuery } from "./query.js";

const article = (name, texts) => ({ article: name, order: 0, blocks: texts.map((text, i) => ({ id: "p" + i, text })) });

// counter returns a pause that counts its calls.
function counter() {
  const pause = async () => {
    pause.calls++;
  };
  pause.calls = 0;
  return pause;
}

test("mergeRanges: sorted, each once", () => {
  assert.deepEqual(mergeRanges([[5, 9], [0, 2], [5, 9], [0, 3]]), [[0, 2], [0, 3], [5, 9]]);
});

test("the search pauses after every block, and after every few words of the vocabulary", async () => {
  const state = { loaded: [article("a", ["海洋经济", "海洋科技", "港口"])] };
  const pause = counter();
  const { matches: found } = await searchLanguage(state, "zh", [parseQuery("海洋")], null, pause);
  assert.deepEqual(found.map((m) => m.index), [0, 1]);
  assert.ok(pause.calls >= 3, `${pause.calls} pauses for 3 blocks`);
  const words = Array.from({ length: 40 }, (_, i) => "word" + i).join(" ");
  const en = { loaded: [article("a", [words])] };
  const p2 = counter();
  await searchLanguage(en, "en", [parseQuery("word1")], null, p2);
  assert.ok(p2.calls >= 40 / 16 + 1, `${p2.calls} pauses for 40 words and a block`);
});

test("an alternative added to the plan is searched alone; the ranges of both are merged", async () => {
  const state = { loaded: [article("a", ["舟山的海洋经济", "海洋科技", "港口"])] };
  const first = counter();
  await searchLanguage(state, "zh", [parseQuery("海洋")], null, first);
  const again = counter();
  const { matches: found } = await searchLanguage(state, "zh", [parseQuery("海洋"), [{ text: "海洋经济", phrase: true }]], null, again);
  assert.ok(again.calls < first.calls + 3, `searched again: ${again.calls} pauses, the first search took ${first.calls}`);
  assert.deepEqual(found[0].ranges, [[3, 5], [3, 7]]);
  // The same alternative twice: its ranges once.
  const { matches: twice } = await searchLanguage(state, "zh", [parseQuery("海洋"), parseQuery("海洋")], null, counter());
  assert.deepEqual(twice[0].ranges, [[3, 5]]);
});

test("an article that arrives while the search pauses is left to the next search, whose vocabulary has its words", async () => {
  // "island" matches island (exact) in a; b brings islands (same stem, a
  // word the vocabulary had not): the query's tiers stay the same.
  const state = { loaded: [article("a", ["island port"])] };
  let pauses = 0;
  // The first pause ends the vocabulary's step; b arrives at the second,
  // after the block of a.
  const pause = async () => {
    if (++pauses === 2) state.loaded.push(Object.assign(article("b", ["islands city"]), { order: 1 }));
  };
  const { matches: first } = await searchLanguage(state, "en", [parseQuery("island")], null, pause);
  assert.deepEqual(first.map((m) => m.article), ["a"]);
  const { matches: again } = await searchLanguage(state, "en", [parseQuery("island")], null, counter());
  assert.deepEqual(again.map((m) => [m.article, m.ranges]), [["a", [[0, 6]]], ["b", [[0, 7]]]]);
});

test("matches by prefix or with a typo are not settled: an article to come may hold the word itself", async () => {
  const state = { loaded: [article("a", ["deepen reform", "a safety net"])] };
  const deep = await searchLanguage(state, "en", [parseQuery("deep")], null, counter());
  assert.deepEqual(deep.matches.map((m) => m.index), [0]);
  assert.equal(deep.settled, false, "deep found deepen by prefix");
  const typo = await searchLanguage(state, "en", [parseQuery("safetty")], null, counter());
  assert.equal(typo.matches.length, 1);
  assert.equal(typo.settled, false, "safetty found safety with a typo");
  // The word itself arrives: the prefix match goes, and the rest is settled.
  state.loaded.push(Object.assign(article("b", ["deep water"]), { order: 1 }));
  const again = await searchLanguage(state, "en", [parseQuery("deep")], null, counter());
  assert.deepEqual(again.matches.map((m) => m.article), ["b"]);
  assert.equal(again.settled, true);
  // Exact and same-stem matches are settled; so is a word found nowhere yet,
  // and Chinese, which has no tiers.
  for (const q of ["reform", "reforms", "nowhere"]) {
    assert.equal((await searchLanguage(state, "en", [parseQuery(q)], null, counter())).settled, true, q);
  }
  assert.equal((await searchLanguage({ loaded: [article("c", ["海洋"])] }, "zh", [parseQuery("海")], null, counter())).settled, true);
});
