import { test } from "node:test";
import assert from "node:assert/strict";
import { createStore, setText } from "./data.js";

test("setText joins sentences: nothing between Chinese ones, a space between English ones", () => {
  const zh = {};
  setText(zh, ["一。", "二。"], "zh");
  assert.deepEqual([zh.text, zh.spans], ["一。二。", [[0, 2], [2, 4]]]);
  const en = {};
  setText(en, ["One.", "Two."], "en");
  assert.deepEqual([en.text, en.spans], ["One. Two.", [[0, 4], [5, 9]]]);
});

test("requests are made one a task, so that a batch of articles is not one long task", async () => {
  const calls = [];
  const saved = globalThis.fetch;
  globalThis.fetch = (url) => {
    calls.push(url);
    const data = { article: url, pages: { [url + "#"]: "T " + url }, data: "none", blocks: [{ id: "p1", sentences: ["x"] }] };
    return Promise.resolve({ ok: true, json: async () => data });
  };
  try {
    const urls = ["a", "b", "c", "d", "e", "f", "g"];
    const store = createStore({ articles: { en: urls }, included: {} });
    const s = store.articles("en");
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    // Batches of 1, 2 and 4 articles, each asked for at once: in every
    // task, one request at most.
    for (let batch = 0; batch < 3 && !s.complete; batch++) {
      const before = calls.length;
      const done = s.more();
      assert.ok(calls.length - before <= 1, `${calls.length - before} requests in one task`);
      let finished = false;
      done.then(() => (finished = true));
      while (!finished) {
        const n = calls.length;
        await tick();
        assert.ok(calls.length - n <= 1, `${calls.length - n} requests in one task`);
      }
    }
    assert.deepEqual(calls, urls);
    assert.ok(s.complete);
    assert.deepEqual(s.loaded.map((a) => [a.article, a.order]), urls.map((u, i) => [u, i]));
    assert.equal(store.title("c#"), "T c");
    assert.equal(store.title("nowhere"), "nowhere");
  } finally {
    globalThis.fetch = saved;
  }
});
