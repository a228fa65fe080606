import { test } from "node:test";
import assert from "node:assert/strict";
import { computeForms, prepareGlossary, termsNamed } from "./glossary.js";

const glossary = prepareGlossary([
  { zh: "共同富裕", pinyin: "gòngtóng fùyù", en: ["common prosperity"] },
  { zh: "共同富裕现代化基本单元", pinyin: "gòngtóng fùyù xiàndàihuà jīběn dānyuán", en: ["basic units of common prosperity and modernization"] },
  { zh: "甬舟", pinyin: "Yǒng Zhōu", en: ["Ningbo-Zhoushan", "Ningbo Zhoushan"] },
  { zh: "舟山", pinyin: "Zhōushān", en: ["Zhoushan"] },
  { zh: "两个先行", pinyin: "liǎng gè xiānxíng", en: ["Two Firsts"] },
]);
const named = (q, t2s) => termsNamed(glossary, q, t2s).map((t) => t.zh);

test("a term named exactly, in Chinese, pinyin or English", () => {
  assert.deepEqual(named("共同富裕"), ["共同富裕"]);
  assert.deepEqual(named("“两个先行”"), ["两个先行"]);
  assert.deepEqual(named("gongtong fuyu"), ["共同富裕"]);
  assert.deepEqual(named("Gòngtóng Fùyù"), ["共同富裕"]);
  assert.deepEqual(named("common prosperities"), ["共同富裕"]);
  assert.deepEqual(named("Zhoushan"), ["舟山"]);
});

test("otherwise the terms the query is part of", () => {
  assert.deepEqual(named("Ningbo"), ["甬舟"]);
  assert.deepEqual(named("gongtong"), ["共同富裕", "共同富裕现代化基本单元"]);
  assert.deepEqual(named("gongtong fuyu xian"), ["共同富裕现代化基本单元"]);
  assert.deepEqual(named("富裕现代"), ["共同富裕现代化基本单元"]);
  assert.deepEqual(named("富"), [], "one character is too short");
  assert.deepEqual(named("yo"), [], "two letters are too short");
});

test("pinyin as keyboards type it, and from a later word of the term", () => {
  assert.deepEqual(named("liang ge xianxing"), ["两个先行"]);
  assert.deepEqual(named("xianxing"), ["两个先行"]);
  assert.deepEqual(named("fuyu"), ["共同富裕", "共同富裕现代化基本单元"]);
  assert.deepEqual(named("jiben danyu"), ["共同富裕现代化基本单元"]);
  assert.deepEqual(named("zho"), ["舟山"], "three letters: from the first word only");
  assert.deepEqual(named("ＧＯＮＧＴＯＮＧ　ＦＵＹＵ"), ["共同富裕"], "full-width letters");
});

test("a rendering typed with the typos the English search forgives", () => {
  assert.deepEqual(named("comon prosperity"), ["共同富裕"]);
  assert.deepEqual(named("Ningob Zhoushan"), ["甬舟"], "four letters: neighbours swapped");
  assert.deepEqual(named("Nngbo Zhoushan"), ["甬舟"], "five letters or more: one letter dropped");
  assert.deepEqual(named("Ningbo Zhoushan port"), [], "a word more than the rendering");
  assert.deepEqual(named("comon"), [], "the whole rendering, not part of it");
  assert.deepEqual(named("Two Fisrst"), [], "two edits in one word: no");
});

test("an English possessive is not pinyin", () => {
  assert.deepEqual(named("Zhoushan’s"), ["舟山"]);
  assert.deepEqual(named("Zhoushan's"), ["舟山"]);
});

test("function words alone name no term", () => {
  assert.deepEqual(named("the"), []);
  assert.deepEqual(named("and"), []);
  assert.deepEqual(named("of the"), []);
  assert.deepEqual(named("units of"), ["共同富裕现代化基本单元"]);
});

test("traditional characters name terms once the map is loaded", () => {
  assert.deepEqual(named("兩個先行"), []);
  assert.deepEqual(named("兩個先行", { 兩: "两", 個: "个" }), ["两个先行"]);
});

test("computeForms: the forms a query is compared with, one entry per pause", async () => {
  const g = prepareGlossary([
    { zh: "共同富裕", pinyin: "gòngtóng fùyù", en: ["common prosperity"] },
    { zh: "两个先行", pinyin: "liǎng gè xiānxíng", en: ["Two Firsts"] },
  ]);
  let pauses = 0;
  await computeForms(g, "en", async () => pauses++);
  assert.equal(pauses, 2);
  assert.deepEqual(termsNamed(g, "gongtong fuyu", null).map((t) => t.zh), ["共同富裕"]);
});

test("an apostrophe in pinyin marks a syllable boundary the term's pinyin must have", () => {
  const g = prepareGlossary([
    { zh: "两个先行", pinyin: "liǎng gè xiānxíng", en: ["Two Firsts"] },
    { zh: "平安舟山", pinyin: "Píng’ān Zhōushān", en: ["Peaceful Zhoushan"] },
    { zh: "港产港贸港城一体化", pinyin: "gǎng chǎn gǎng mào gǎng chéng yītǐhuà", en: ["port integration"] },
  ]);
  const n = (q) => termsNamed(g, q).map((t) => t.zh);
  assert.deepEqual(n("xian"), ["两个先行"], "xian begins xiānxíng");
  assert.deepEqual(n("Xi'an"), [], "xi'an is not xian");
  assert.deepEqual(n("xi’an"), []);
  assert.deepEqual(n("chang'an"), []);
  for (const q of ["ping'an", "Ping’an", "pingan", "ping‘an zhoushan", "píng'ān"]) assert.deepEqual(n(q), ["平安舟山"], q);
  assert.deepEqual(n("pin'gan"), [], "a boundary the term does not have");
});
