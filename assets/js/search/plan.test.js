import { test } from "node:test";
import assert from "node:assert/strict";
import { planQuery, splitQuery } from "./plan.js";

const term = { zh: "共同富裕", en: ["common prosperity"] };
const texts = (plan) => Object.fromEntries(Object.entries(plan).map(([l, alts]) => [l, alts.map((a) => a.map((t) => t.text).join(" "))]));

test("a query searches the language it is written in, on either page", () => {
  assert.deepEqual(texts(planQuery("共同富裕", "en", false, [])), { zh: ["共同富裕"] });
  assert.deepEqual(texts(planQuery("common prosperity", "zh", false, [])), { en: ["common prosperity"] });
  assert.deepEqual(texts(planQuery("2022", "zh", false, [])), { zh: ["2022"] });
});

test("both languages: the query in the other language too", () => {
  assert.deepEqual(texts(planQuery("海洋", "en", true, [])), { zh: ["海洋"], en: ["海洋"] });
});

test("named glossary terms are searched in both languages, as phrases", () => {
  const plan = planQuery("共同富裕", "en", false, [term]);
  assert.deepEqual(texts(plan), { zh: ["共同富裕", "共同富裕"], en: ["common prosperity"] });
  assert.equal(plan.en[0][0].phrase, true);
});

test("a query written in both languages: each term in its own, no glossary", () => {
  assert.deepEqual(texts(planQuery("舟山 port", "en", true, [term])), { zh: ["舟山"], en: ["port"] });
  assert.deepEqual(texts(planQuery('"green petrochemicals" 绿色 2022', "zh", false, [])), { zh: ["绿色 2022"], en: ["green petrochemicals"] });
  assert.equal(splitQuery("舟山 2022", "en"), null);
  assert.equal(splitQuery("port Zhoushan", "zh"), null);
  assert.deepEqual(splitQuery("port 2022 舟山", "en"), {
    zh: [{ text: "舟山", phrase: false }],
    en: [
      { text: "port", phrase: false },
      { text: "2022", phrase: false },
    ],
  });
});
