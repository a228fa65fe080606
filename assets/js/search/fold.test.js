import { test } from "node:test";
import assert from "node:assert/strict";
import { foldChinese, words, pinyinKey, writtenIn } from "./fold.js";

test("foldChinese keeps letters and digits and maps each back", () => {
  const f = foldChinese("“两个，先行”A1", null);
  assert.equal(f.folded, "两个先行a1");
  assert.deepEqual(f.starts, [1, 2, 4, 5, 7, 8]);
  assert.deepEqual(f.ends, [2, 3, 5, 6, 8, 9]);
});

test("foldChinese maps traditional characters when given the map", () => {
  assert.equal(foldChinese("兩個", { 兩: "两", 個: "个" }).folded, "两个");
  assert.equal(foldChinese("兩個", null).folded, "兩個");
});

test("words are runs of letters and digits, lower-cased, with offsets", () => {
  assert.deepEqual(words("Zhoushan’s 2022 Port-City"), [
    { word: "zhoushan", start: 0, end: 8 },
    { word: "s", start: 9, end: 10 },
    { word: "2022", start: 11, end: 15 },
    { word: "port", start: 16, end: 20 },
    { word: "city", start: 21, end: 25 },
  ]);
});

test("pinyinKey drops tone marks, spaces and case", () => {
  assert.equal(pinyinKey("Gòngtóng fùyù"), "gongtongfuyu");
  assert.equal(pinyinKey("bā bā zhànlüè"), "babazhanlue");
});

test("writtenIn tells Chinese from Latin", () => {
  assert.equal(writtenIn("共同富裕"), "zh");
  assert.equal(writtenIn("common 富裕"), "zh");
  assert.equal(writtenIn("gòngtóng"), "en");
  assert.equal(writtenIn("2022"), "");
});
