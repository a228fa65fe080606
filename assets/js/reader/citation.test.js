import { test } from "node:test";
import assert from "node:assert/strict";
import { formatCitations, runs, locator, gbName, longDate } from "./citation.js";

const cite = {
  author: { zh: "何中伟", en: "He Zhongwei" },
  title: { zh: "打造“两个先行”舟山标志性成果", en: "Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”" },
  publication: { zh: "今日浙江", en: "Zhejiang Today" },
  site: { zh: "中国政策文本双语读本", en: "Chinese Policy Texts in English" },
  date: "2022-07-15",
  year: 2026,
};

const ZH_URL = "https://example.org/zh/zhoushan-two-firsts/";
const EN_URL = "https://example.org/en/zhoushan-two-firsts/";
const para12 = { para: "12", item: "", sentence: "", to: "" };

// cites returns the page's citations as {gb, note, bib} strings.
function cites(lang, where, anchor, overrides = {}) {
  const url = (lang === "zh" ? ZH_URL : EN_URL) + "#" + anchor;
  const list = formatCitations({ lang, cite: { ...cite, ...overrides }, url, where, accessed: "2026-03-01", ...overrides.input });
  const out = {};
  for (const c of list) out[{ gb: "gb", "chicago-note": "note", "chicago-bib": "bib" }[c.id]] = c.parts.map((p) => p.text).join("");
  return out;
}

test("Chinese page, paragraph: GB/T [J/OL] and Chicago for the original", () => {
  const c = cites("zh", para12, "p12");
  assert.equal(c.gb, "何中伟. 打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第12段[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p12.");
  assert.equal(
    c.note,
    "He Zhongwei 何中伟, “打造‘两个先行’舟山标志性成果” [Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”], 今日浙江 [Zhejiang Today], July 15, 2022, para. 12, accessed March 1, 2026, https://example.org/zh/zhoushan-two-firsts/#p12.",
  );
  assert.equal(
    c.bib,
    "He Zhongwei 何中伟. “打造‘两个先行’舟山标志性成果” [Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”]. 今日浙江 [Zhejiang Today], July 15, 2022. Accessed March 1, 2026. https://example.org/zh/zhoushan-two-firsts/.",
  );
});

test("English page, paragraph: GB/T [EB/OL] with the translator, Chicago translation", () => {
  const c = cites("en", para12, "p12");
  assert.equal(
    c.gb,
    "HE Zhongwei. Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”: translation of 打造“两个先行”舟山标志性成果 (今日浙江, 2022-07-15)[EB/OL]. Chinese Policy Texts in English, trans. Chinese Policy Texts in English, 2026: para. 12[2026-03-01]. https://example.org/en/zhoushan-two-firsts/#p12.",
  );
  assert.equal(
    c.note,
    "He Zhongwei, “Delivering Zhoushan’s Landmark Achievements in the ‘Two Firsts,’” trans. Chinese Policy Texts in English, Chinese Policy Texts in English, 2026, para. 12, accessed March 1, 2026, https://example.org/en/zhoushan-two-firsts/#p12; originally published as “打造‘两个先行’舟山标志性成果,” 今日浙江 [Zhejiang Today], July 15, 2022.",
  );
  assert.equal(
    c.bib,
    "He Zhongwei. “Delivering Zhoushan’s Landmark Achievements in the ‘Two Firsts.’” Translated by Chinese Policy Texts in English. Chinese Policy Texts in English, 2026. Accessed March 1, 2026. https://example.org/en/zhoushan-two-firsts/. Originally published as “打造‘两个先行’舟山标志性成果,” 今日浙江 [Zhejiang Today], July 15, 2022.",
  );
});

test("sentence anchor #p12.3", () => {
  const where = { para: "12", item: "", sentence: "3", to: "" };
  const zh = cites("zh", where, "p12.3");
  assert.equal(zh.gb, "何中伟. 打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第12段第3句[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p12.3.");
  assert.match(zh.note, /, July 15, 2022, para\. 12, sentence 3, accessed March 1, 2026, https:\/\/example\.org\/zh\/zhoushan-two-firsts\/#p12\.3\.$/);
  const en = cites("en", where, "p12.3");
  assert.equal(
    en.gb,
    "HE Zhongwei. Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”: translation of 打造“两个先行”舟山标志性成果 (今日浙江, 2022-07-15)[EB/OL]. Chinese Policy Texts in English, trans. Chinese Policy Texts in English, 2026: para. 12, sentence 3[2026-03-01]. https://example.org/en/zhoushan-two-firsts/#p12.3.",
  );
  assert.ok(en.note.includes(", 2026, para. 12, sentence 3, accessed March 1, 2026, https://example.org/en/zhoushan-two-firsts/#p12.3; originally published as "));
  // A bibliography lists the work: no locator, no anchor.
  assert.ok(!en.bib.includes("para.") && !en.bib.includes("#"));
  assert.ok(!zh.bib.includes("para.") && !zh.bib.includes("#"));
});

test("list item anchor #p3-6 and a sentence of an item #p3-6.2", () => {
  const item = { para: "3", item: "6", sentence: "", to: "" };
  assert.equal(cites("zh", item, "p3-6").gb, "何中伟. 打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第3段第6项[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p3-6.");
  assert.ok(cites("en", item, "p3-6").gb.endsWith(", 2026: para. 3, item 6[2026-03-01]. https://example.org/en/zhoushan-two-firsts/#p3-6."));
  assert.ok(cites("en", item, "p3-6").note.includes(", 2026, para. 3, item 6, accessed March 1, 2026, https://example.org/en/zhoushan-two-firsts/#p3-6; "));
  const sentence = { para: "3", item: "6", sentence: "2", to: "" };
  assert.ok(cites("zh", sentence, "p3-6.2").gb.includes(" 今日浙江, 2022: 第3段第6项第2句[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p3-6.2."));
  assert.ok(cites("zh", sentence, "p3-6.2").note.includes(", July 15, 2022, para. 3, item 6, sentence 2, accessed "));
});

test("range anchor #p3-p5: GB/T joins with a hyphen, Chicago with an en dash", () => {
  const range = { para: "3", item: "", sentence: "", to: "5" };
  assert.equal(cites("zh", range, "p3-p5").gb, "何中伟. 打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第3-5段[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p3-p5.");
  assert.ok(cites("en", range, "p3-p5").gb.includes(", 2026: paras. 3-5[2026-03-01]. https://example.org/en/zhoushan-two-firsts/#p3-p5."));
  assert.ok(cites("en", range, "p3-p5").note.includes(", 2026, paras. 3–5, accessed March 1, 2026, https://example.org/en/zhoushan-two-firsts/#p3-p5;"));
  assert.ok(cites("zh", range, "p3-p5").note.includes(", July 15, 2022, paras. 3–5, accessed "));
});

test("no author: the entry starts with the title", () => {
  const none = { author: { zh: "", en: "" } };
  const zh = cites("zh", para12, "p12", none);
  assert.equal(zh.gb, "打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第12段[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p12.");
  assert.equal(
    zh.note,
    "“打造‘两个先行’舟山标志性成果” [Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”], 今日浙江 [Zhejiang Today], July 15, 2022, para. 12, accessed March 1, 2026, https://example.org/zh/zhoushan-two-firsts/#p12.",
  );
  const en = cites("en", para12, "p12", none);
  assert.equal(
    en.gb,
    "Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”: translation of 打造“两个先行”舟山标志性成果 (今日浙江, 2022-07-15)[EB/OL]. Chinese Policy Texts in English, trans. Chinese Policy Texts in English, 2026: para. 12[2026-03-01]. https://example.org/en/zhoushan-two-firsts/#p12.",
  );
  assert.ok(en.note.startsWith("“Delivering Zhoushan’s Landmark Achievements in the ‘Two Firsts,’” trans. Chinese Policy Texts in English, "));
  assert.ok(en.bib.startsWith("“Delivering Zhoushan’s Landmark Achievements in the ‘Two Firsts.’” Translated by Chinese Policy Texts in English. "));
});

test("no publication: the original is this site's electronic resource", () => {
  const none = { publication: { zh: "", en: "" } };
  const zh = cites("zh", para12, "p12", none);
  assert.equal(zh.gb, "何中伟. 打造“两个先行”舟山标志性成果[EB/OL]. 中国政策文本双语读本, 2022: 第12段[2026-03-01]. https://example.org/zh/zhoushan-two-firsts/#p12.");
  assert.equal(
    zh.note,
    "He Zhongwei 何中伟, “打造‘两个先行’舟山标志性成果” [Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”], Chinese Policy Texts in English, July 15, 2022, para. 12, accessed March 1, 2026, https://example.org/zh/zhoushan-two-firsts/#p12.",
  );
  const en = cites("en", para12, "p12", none);
  assert.ok(en.note.endsWith("#p12; originally published as “打造‘两个先行’舟山标志性成果,” July 15, 2022."));
  assert.ok(en.bib.endsWith("/. Originally published as “打造‘两个先行’舟山标志性成果,” July 15, 2022."));
});

test("romanized title and periodical, when the data has them, come before the characters", () => {
  const pinyin = { pinyin: { title: "Dazao “liangge xianxing” Zhoushan biaozhixing chengguo", publication: "Jinri Zhejiang" } };
  const zh = cites("zh", para12, "p12", pinyin);
  assert.equal(
    zh.note,
    "He Zhongwei 何中伟, “Dazao ‘liangge xianxing’ Zhoushan biaozhixing chengguo” 打造“两个先行”舟山标志性成果 [Delivering Zhoushan’s Landmark Achievements in the “Two Firsts”], Jinri Zhejiang 今日浙江, July 15, 2022, para. 12, accessed March 1, 2026, https://example.org/zh/zhoushan-two-firsts/#p12.",
  );
  const en = cites("en", para12, "p12", pinyin);
  assert.ok(en.note.endsWith("; originally published as “Dazao ‘liangge xianxing’ Zhoushan biaozhixing chengguo” 打造“两个先行”舟山标志性成果, Jinri Zhejiang 今日浙江, July 15, 2022."));
});

test("access date: YYYY-MM-DD for GB/T, Month D, YYYY for Chicago; a bad one is left out", () => {
  const jan = cites("en", para12, "p12", { input: { accessed: "2027-01-05" } });
  assert.ok(jan.gb.includes("[2027-01-05]"));
  assert.ok(jan.note.includes("accessed January 5, 2027, "));
  assert.ok(jan.bib.includes("Accessed January 5, 2027. "));
  const bad = cites("zh", para12, "p12", { input: { accessed: "tomorrow" } });
  assert.equal(bad.gb, "何中伟. 打造“两个先行”舟山标志性成果[J/OL]. 今日浙江, 2022: 第12段. https://example.org/zh/zhoushan-two-firsts/#p12.");
  assert.ok(!bad.note.includes("accessed"));
  assert.equal(longDate("2022-12-31"), "December 31, 2022");
  assert.equal(longDate("2022-13-01"), "");
  assert.equal(longDate(""), "");
});

test("runs: English inside Chinese and Chinese inside English are separate runs", () => {
  const [zhGB] = formatCitations({ lang: "zh", cite, url: ZH_URL + "#p12", where: para12, accessed: "2026-03-01" });
  assert.equal(zhGB.lang, "zh-Hans");
  assert.deepEqual(
    zhGB.parts.filter((p) => p.lang === "en").map((p) => p.text),
    ["J/OL", "https://example.org/zh/zhoushan-two-firsts/#p12"],
  );
  const [, enNote] = formatCitations({ lang: "en", cite, url: EN_URL + "#p12", where: para12, accessed: "2026-03-01" });
  assert.equal(enNote.lang, "en");
  assert.deepEqual(
    enNote.parts.filter((p) => p.lang === "zh-Hans").map((p) => p.text),
    ["打造‘两个先行’舟山标志性成果", "今日浙江"],
  );
  for (const c of [...formatCitations({ lang: "zh", cite, url: ZH_URL, where: para12, accessed: "2026-03-01" }), enNote]) {
    for (let i = 1; i < c.parts.length; i++) assert.notEqual(c.parts[i].lang, c.parts[i - 1].lang, "adjacent runs in one language");
    assert.ok(c.parts.every((p) => p.text !== ""));
  }
  assert.deepEqual(runs("何中伟 (He Zhongwei) 著", "zh-Hans"), [
    { text: "何中伟 (", lang: "zh-Hans" },
    { text: "He Zhongwei", lang: "en" },
    { text: ") 著", lang: "zh-Hans" },
  ]);
  assert.deepEqual(runs("G20峰会", "zh-Hans"), [
    { text: "G20", lang: "en" },
    { text: "峰会", lang: "zh-Hans" },
  ]);
  assert.deepEqual(runs("“打造‘两个先行’舟山标志性成果,” 今日浙江 [Zhejiang Today]", "en"), [
    { text: "“", lang: "en" },
    { text: "打造‘两个先行’舟山标志性成果", lang: "zh-Hans" },
    { text: ",” ", lang: "en" },
    { text: "今日浙江", lang: "zh-Hans" },
    { text: " [Zhejiang Today]", lang: "en" },
  ]);
  assert.deepEqual(runs("見“两个先行”, see", "en"), [
    { text: "見“两个先行”", lang: "zh-Hans" },
    { text: ", see", lang: "en" },
  ]);
  assert.deepEqual(runs("", "en"), []);
});

test("locator and names", () => {
  assert.equal(locator({ para: "12" }, "zh-Hans"), "第12段");
  assert.equal(locator({ para: "3", to: "5" }, "en", "-"), "paras. 3-5");
  assert.equal(locator({ para: "" }, "en"), "");
  assert.equal(locator(undefined, "en"), "");
  assert.equal(gbName("He Zhongwei"), "HE Zhongwei");
  assert.equal(gbName("Ouyang Xiu"), "OUYANG Xiu");
  assert.equal(gbName("何中伟"), "何中伟");
  assert.equal(gbName(""), "");
});

// Every combination of missing optional facts, on both pages and every
// kind of anchor: nothing reads "undefined" or "null", no empty brackets,
// no doubled or stray punctuation.
test("missing facts never leave holes", () => {
  const wheres = [
    [{ para: "12", item: "", sentence: "", to: "" }, "p12"],
    [{ para: "12", item: "", sentence: "3", to: "" }, "p12.3"],
    [{ para: "3", item: "6", sentence: "", to: "" }, "p3-6"],
    [{ para: "3", item: "", sentence: "", to: "5" }, "p3-p5"],
    [{}, ""],
  ];
  const blanks = {
    author: { zh: "", en: "" },
    publication: { zh: "", en: "" },
    date: "",
    year: "",
    site: { zh: "", en: "" },
  };
  const keys = Object.keys(blanks);
  const bad = [/undefined/, /null/, /NaN/, /\[\]/, /\(\)/, /“”/, /\.\./, /,,/, /, ,/, /\. \./, /, \./, /: \[/, /\s$/, /^\s/, /\s\s/, /[,:;]\s*$/, /\[ /, / \]/];
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    const over = {};
    keys.forEach((k, i) => {
      if (mask & (1 << i)) over[k] = blanks[k];
    });
    for (const lang of ["zh", "en"]) {
      for (const [where, anchor] of wheres) {
        for (const accessed of ["2026-03-01", ""]) {
          const url = (lang === "zh" ? ZH_URL : EN_URL) + (anchor ? "#" + anchor : "");
          for (const c of formatCitations({ lang, cite: { ...cite, ...over }, url, where, accessed })) {
            const s = c.parts.map((p) => p.text).join("");
            for (const re of bad) assert.doesNotMatch(s, re, `${lang} ${c.id} ${JSON.stringify(over)} ${anchor}: ${s}`);
            assert.match(s, /\.[’”]*$/, s);
          }
        }
      }
    }
  }
  // Page data without a cite object at all.
  for (const c of formatCitations({ lang: "en" })) assert.doesNotMatch(c.parts.map((p) => p.text).join(""), /undefined|null/);
});
