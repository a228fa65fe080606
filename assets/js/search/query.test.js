import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery } from "./query.js";

test("terms are separated by spaces; quotes make one phrase", () => {
  assert.deepEqual(parseQuery(' free  "trade zone" 海洋 '), [
    { text: "free", phrase: false },
    { text: "trade zone", phrase: true },
    { text: "海洋", phrase: false },
  ]);
  assert.deepEqual(parseQuery('"open quote'), [{ text: "open quote", phrase: true }]);
  assert.deepEqual(parseQuery('  ""  '), []);
});

test("curly, full-width and corner-bracket quotes make phrases too", () => {
  const island = [{ text: "island city", phrase: true }];
  for (const q of ["“island city”", "＂island city＂", "「island city」", "“island city\"", "”island city“"]) assert.deepEqual(parseQuery(q), island, q);
  assert.deepEqual(parseQuery("“两个先行”"), [{ text: "两个先行", phrase: true }]);
  assert.deepEqual(parseQuery("打造“两个先行”成果"), [
    { text: "打造", phrase: false },
    { text: "两个先行", phrase: true },
    { text: "成果", phrase: false },
  ]);
});
