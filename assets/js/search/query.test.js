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

// terms writes parsed terms as TestTerms (tools/searchtest) does: "{text
// phrase}" each, so that the two tables read alike.
const terms = (q) => parseQuery(q).map((t) => `{${t.text} ${t.phrase}}`).join(" ");

test("Han characters and Latin letters typed together are terms of their own; digits stay", () => {
  for (const [q, want] of [
    ["舟山port", "{舟山 false} {port false}"],
    ["port舟山港", "{port false} {舟山港 false}"],
    ["ｐｏｒｔ舟山", "{ｐｏｒｔ false} {舟山 false}"],
    ["1亿吨 5G 3个1亿吨 2035年", "{1亿吨 false} {5G false} {3个1亿吨 false} {2035年 false}"],
    ["COVID-19疫情", "{COVID-19 true} {疫情 false}"],
    ["二十大20th", "{二十大 false} {20th false}"],
    ["“舟山port”", "{舟山port true}"],
  ]) {
    assert.equal(terms(q), want, q);
  }
});

test("a possessive ends a word, outside quotes", () => {
  for (const q of ["Zhoushan's", "Zhoushan’s", "ZHOUSHAN'S", "Zhoushan‘s", "Zhoushan`s", "Zhoushan＇s", "Zhoushan＇ｓ"]) {
    assert.deepEqual(parseQuery(q), [{ text: q.slice(0, 8), phrase: false }], q);
  }
  assert.deepEqual(parseQuery("Ｚｈｏｕｓｈａｎ’ｓ"), [{ text: "Ｚｈｏｕｓｈａｎ", phrase: false }]);
  assert.deepEqual(parseQuery("people’s well-being"), [
    { text: "people", phrase: false },
    { text: "well-being", phrase: true },
  ]);
  assert.deepEqual(parseQuery("’s"), []);
  assert.deepEqual(parseQuery("its shs"), [
    { text: "its", phrase: false },
    { text: "shs", phrase: false },
  ]);
  assert.deepEqual(parseQuery("“the port’s system”"), [{ text: "the port’s system", phrase: true }]);
});

test("words joined by hyphens are a phrase", () => {
  for (const q of ["zero-employment", "COVID-19", "sci-tech", "Ningbo-Zhoushan", "land‐efficient", "River-Sea-Land", "sea–land", "port—city", "Xi'an", "don’t"]) {
    assert.deepEqual(parseQuery(q), [{ text: q, phrase: true }], q);
  }
  for (const q of ["-tech", "sci-", "a--b"]) assert.equal(parseQuery(q)[0].phrase, false, q);
});
