import { test } from "node:test";
import assert from "node:assert/strict";
import { format, plural } from "./format.js";

test("placeholders", () => {
  assert.equal(format("{paragraphs} on {pages}", { paragraphs: "1 paragraph", pages: "2 pages" }), "1 paragraph on 2 pages");
  assert.equal(format("{missing}", {}), "{missing}");
});

test("plural forms by the locale's rules", () => {
  const forms = { one: "{n} paragraph", other: "{n} paragraphs" };
  assert.equal(plural(forms, 1, "en"), "1 paragraph");
  assert.equal(plural(forms, 2, "en"), "2 paragraphs");
  assert.equal(plural({ other: "{n} 个段落" }, 1, "zh-Hans"), "1 个段落");
});
