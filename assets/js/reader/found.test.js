import { test } from "node:test";
import assert from "node:assert/strict";
import { occurrences } from "./found.js";

test("every occurrence of every text, sorted, overlaps merged", () => {
  const text = "the island city, islands and an island";
  assert.deepEqual(occurrences(text, ["island", "islands"]), [
    [4, 10],
    [17, 24],
    [32, 38],
  ]);
  assert.deepEqual(occurrences(text, ["island city", "city, islands"]), [[4, 24]]);
});

test("Latin texts only at word boundaries; Chinese anywhere", () => {
  assert.deepEqual(occurrences("support the port; Port", ["port"]), [[12, 16]]);
  assert.deepEqual(occurrences("port2 port", ["port"]), [[6, 10]]);
  assert.deepEqual(occurrences("舟山港湾，港口", ["港"]), [
    [2, 3],
    [5, 6],
  ]);
  assert.deepEqual(occurrences("舟山port", ["舟山"]), [[0, 2]]);
});

test("Chinese text: anywhere, digits in numbers too", () => {
  assert.deepEqual(occurrences("10个着力，1", ["1"], false), [
    [0, 1],
    [6, 7],
  ]);
  assert.deepEqual(occurrences("10个着力，1", ["1"]), [[6, 7]]);
});

test("white space in a text is one space; empty texts find nothing", () => {
  assert.deepEqual(occurrences("common prosperity on", ["common \n prosperity", " ", ""]), [[0, 17]]);
  assert.deepEqual(occurrences("abc", []), []);
});
