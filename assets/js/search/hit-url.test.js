import { test } from "node:test";
import assert from "node:assert/strict";
import { hitURL, maxTexts, maxLength } from "./hit-url.js";

const hl = (u) => new URL(u, "http://x").searchParams.getAll("hl");

test("the matched texts go before the block's #id, each once, in text order", () => {
  const text = "Islands and islands: the island city, Ningbo-Zhoushan & more.";
  const at = (s, from = 0) => [text.indexOf(s, from), text.indexOf(s, from) + s.length];
  const u = hitURL("/en/a/s2/#p9", text, [at("Ningbo-Zhoushan &"), at("islands"), at("Islands"), at("islands", 12)]);
  assert.match(u, /^\/en\/a\/s2\/\?hl=[^#]+#p9$/);
  assert.deepEqual(hl(u), ["Islands", "islands", "Ningbo-Zhoushan &"]);
});

test("Chinese texts and an address without a match", () => {
  const text = "推进甬舟铁路，推进甬舟共建";
  const u = hitURL("/zh/a/#p9", text, [[9, 11], [2, 4]]);
  assert.deepEqual(hl(u), ["甬舟"]);
  assert.ok(u.endsWith("#p9"));
  assert.equal(hitURL("/zh/a/#p9", text, []), "/zh/a/#p9");
});

test("at most maxTexts texts, of maxLength characters in all", () => {
  const words = Array.from({ length: maxTexts + 4 }, (_, i) => "w" + i).join(" ");
  const ranges = [...words.matchAll(/\w+/g)].map((m) => [m.index, m.index + m[0].length]);
  assert.equal(hl(hitURL("/en/a/#p1", words, ranges)).length, maxTexts);
  assert.deepEqual(hl(hitURL("/en/a/#p1", words, ranges.slice(0, 6))), ["w0", "w1", "w2", "w3", "w4", "w5"]);
  const long = "x".repeat(maxLength - 10) + " " + "y".repeat(20) + " z";
  const all = [...long.matchAll(/\w+/g)].map((m) => [m.index, m.index + m[0].length]);
  assert.deepEqual(hl(hitURL("/en/a/#p1", long, all)), ["x".repeat(maxLength - 10), "z"]);
});

test("when they are too many, the longest texts are named, in text order", () => {
  const text = "It will build a digital port of entry and make customs clearance more efficient; it will improve the port’s system for collecting and distributing cargo, and a port for a city of the sea.";
  const ranges = [...text.matchAll(/\p{L}+/gu)].map((m) => [m.index, m.index + m[0].length]);
  const named = hl(hitURL("/en/a/#p9", text, ranges));
  assert.equal(named.length, maxTexts);
  for (const w of ["distributing", "collecting", "efficient", "clearance", "improve", "customs", "digital", "system", "cargo"]) assert.ok(named.includes(w), w);
  for (const w of ["a", "of", "the", "It"]) assert.ok(!named.includes(w), w);
  const order = named.map((w) => text.indexOf(w));
  assert.deepEqual(order, [...order].sort((a, b) => a - b));
});
