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
