import { test } from "node:test";
import assert from "node:assert/strict";
import { stem } from "./stem.js";

test("Porter stems of the families the search joins", () => {
  for (const [w, s] of [
    ["islands", "island"], ["development", "develop"], ["governance", "govern"], ["government", "govern"],
    ["prosperity", "prosper"], ["petrochemicals", "petrochem"], ["biomedicine", "biomedicin"], ["happy", "happi"],
  ]) assert.equal(stem(w), s, w);
});

test("only words of three letters a–z or more are stemmed", () => {
  assert.equal(stem("is"), "is");
  assert.equal(stem("2022s"), "2022s");
  assert.equal(stem("zhōushān"), "zhōushān");
});
