import { test } from "node:test";
import assert from "node:assert/strict";
import { excerpt, alignedSpans } from "./snippet.js";

const show = (parts) => parts.map((p) => (p.gap ? "|" : p.mark ? "[" + p.text + "]" : p.text)).join("");

test("a window around each match, gaps where text is left out", () => {
  const text = "甲".repeat(40) + "海洋" + "乙".repeat(100) + "海洋" + "丙".repeat(10);
  assert.equal(show(excerpt(text, [[40, 42], [142, 144]], "zh")), "|" + "甲".repeat(28) + "[海洋]" + "乙".repeat(28) + "|" + "乙".repeat(28) + "[海洋]" + "丙".repeat(10));
});

test("overlapping windows join; English windows end on spaces", () => {
  const text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";
  assert.equal(show(excerpt(text, [[0, 3], [8, 13]], "en")), "[one] two [three] four five six seven eight nine ten eleven twelve thirteen fourteen fifteen|");
});

test("the other language's excerpt is centred on its match, not cut before it", () => {
  const text = "x".repeat(500) + " common prosperity " + "y".repeat(500);
  const s = show(excerpt(text, [[501, 518]], "en"));
  assert.ok(s.includes("[common prosperity]"), s);
  assert.ok(s.startsWith("|") && s.endsWith("|"), s);
  assert.ok(s.length < 250, s);
});

test("without matches, the opening", () => {
  assert.equal(show(excerpt("short text", [], "en")), "short text");
  assert.equal(show(excerpt("字".repeat(100), [], "zh")), "字".repeat(84) + "|");
});

test("a query found all over a block: the first three windows, then a gap", () => {
  const text = Array.from({ length: 10 }, (_, i) => "海洋" + "乙".repeat(60) + i).join("");
  const ranges = [];
  for (let at = text.indexOf("海洋"); at >= 0; at = text.indexOf("海洋", at + 2)) ranges.push([at, at + 2]);
  const parts = excerpt(text, ranges, "zh");
  const shown = parts.map((p) => p.text || "").join("");
  assert.ok(parts.filter((p) => p.mark).length >= 3, show(parts));
  assert.ok(shown.length <= 3 * (2 * 28 + 10) + 28, `${shown.length} characters shown`);
  assert.ok(parts[parts.length - 1].gap);
});

test("overlapping and touching matches are one mark", () => {
  const text = "建设海岛安全城市，海岛美丽";
  const marks = (ranges) => excerpt(text, ranges, "zh").filter((p) => p.mark).map((p) => p.text);
  assert.deepEqual(marks([[2, 4], [2, 8], [9, 11]]), ["海岛安全城市", "海岛"]);
  assert.deepEqual(marks([[2, 4], [4, 8]]), ["海岛安全城市"]);
  assert.deepEqual(marks([[2, 4], [5, 8]]), ["海岛", "全城市"]);
  assert.equal(excerpt(text, [[2, 4], [2, 8]], "zh").map((p) => p.text || "").join(""), text);
});

test("alignedSpans: the sentences aligned with the matched ones, one for one", async () => {
  const { setText } = await import("./data.js");
  const zh = {};
  const en = {};
  setText(zh, ["建设海岛。", "发展港口。", "共同富裕。"], "zh");
  setText(en, ["Build islands.", "", "Common prosperity."], "en");
  assert.deepEqual(alignedSpans(zh, [[7, 9]], en), [], "the aligned sentence is empty");
  assert.deepEqual(alignedSpans(zh, [[10, 12], [0, 2]], en), [
    [0, 14],
    [16, 34],
  ]);
  assert.equal(en.text.slice(16, 34), "Common prosperity.");
  assert.deepEqual(alignedSpans({ text: "x" }, [[0, 1]], en), [], "no spans: nothing aligned");
});

test("windows a word or two apart are joined: a gap leaves out more than that", () => {
  const words = Array.from({ length: 80 }, (_, i) => "w" + String(i).padStart(2, "0")).join(" ");
  const at = (w) => [words.indexOf(w), words.indexOf(w) + w.length];
  const gapBetweenMarks = (parts) => {
    const marks = parts.flatMap((p, i) => (p.mark ? [i] : []));
    return parts.slice(marks[0], marks[1]).some((p) => p.gap);
  };
  // w02 and w40 are 152 characters apart: their windows (about 70 each
  // side) would leave out one word (w21) between them, so they are one.
  const near = excerpt(words, [at("w02"), at("w40")], "en");
  assert.ok(!gapBetweenMarks(near), show(near));
  // w02 and w70: far apart, a gap between them.
  const far = excerpt(words, [at("w02"), at("w70")], "en");
  assert.ok(gapBetweenMarks(far), show(far));
});

test("every match an excerpt shows is marked, also in a window cut to the length budget", () => {
  const filler = "and enrich their residents with stronger governance on the";
  for (const n of [5, 9, 14, 30]) {
    const text = Array.from({ length: n }, (_, i) => `islands ${filler.slice(0, 10 + ((i * 7) % 40))}`).join(" ");
    const ranges = [...text.matchAll(/islands/g)].map((m) => [m.index, m.index + 7]);
    const parts = excerpt(text, ranges, "en");
    // Where each shown part is in the text: parts follow the text in order.
    let at = 0;
    for (const p of parts) {
      if (p.gap) continue;
      const start = text.indexOf(p.text, at);
      assert.ok(start >= 0, "a part is text of the block");
      const end = start + p.text.length;
      if (!p.mark) {
        for (const [s, e] of ranges) assert.ok(!(s >= start && e <= end), `n=${n}: "islands" at ${s} shown but not marked`);
      }
      at = end;
    }
  }
});
