import { test } from "node:test";
import assert from "node:assert/strict";
import { compileChinese, matchChinese } from "./chinese.js";
import { parseQuery } from "./query.js";

const block = { text: "打造“两个先行”舟山标志性成果，两个先行。" };

test("terms match the folded text; ranges cover the original characters", () => {
  const m = matchChinese(block, compileChinese(parseQuery("两个，先行"), null), null);
  assert.deepEqual(m.ranges, [[3, 7], [16, 20]]);
  assert.equal(block.text.slice(3, 7), "两个先行");
});

test("every term must occur", () => {
  assert.ok(matchChinese(block, compileChinese(parseQuery("舟山 成果"), null), null));
  assert.equal(matchChinese(block, compileChinese(parseQuery("舟山 海洋"), null), null), null);
});

test("traditional characters match once the map is loaded", () => {
  const t2s = { 兩: "两", 個: "个" };
  assert.equal(matchChinese(block, compileChinese(parseQuery("兩個"), null), null), null);
  assert.equal(matchChinese(block, compileChinese(parseQuery("兩個"), t2s), t2s).ranges.length, 2);
});
