import { test } from "node:test";
import assert from "node:assert/strict";
import { fold, matches } from "./filter.js";

test("fold drops tone marks and case", () => {
  assert.equal(fold("Gòngtóng Fùyù"), "gongtong fuyu");
  assert.equal(fold("lǜsè"), "lvse");
});

test("every query word must occur", () => {
  const entry = "共同富裕 gòngtóng fùyù common prosperity";
  assert.ok(matches(entry, "gongtong"));
  assert.ok(matches(entry, "gongtongfuyu"));
  assert.ok(matches(entry, "共同 prosperity"));
  assert.ok(matches(entry, "COMMON"));
  assert.ok(!matches(entry, "common wealth"));
  assert.ok(matches(entry, ""));
});
