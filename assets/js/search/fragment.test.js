import { test } from "node:test";
import assert from "node:assert/strict";
import { withTextFragment } from "./fragment.js";

test("the match with a few words before it, hyphens and commas escaped", () => {
  const text = "It will build a marine central city jointly with Ningbo-Zhoushan, and more.";
  const at = text.indexOf("Ningbo-Zhoushan");
  assert.equal(
    withTextFragment("/en/a/s2/#p9", text, at, at + 15, "en"),
    "/en/a/s2/#p9:~:text=central%20city%20jointly%20with-,Ningbo%2DZhoushan",
  );
  assert.equal(withTextFragment("/en/a/#p1", text, 0, 2, "en"), "/en/a/#p1:~:text=It");
});

test("Chinese context starts after the last punctuation mark", () => {
  const text = "推进甬舟铁路，推进甬舟共建";
  assert.equal(withTextFragment("/zh/a/#p9", text, 9, 11, "zh"), "/zh/a/#p9:~:text=" + encodeURIComponent("推进") + "-," + encodeURIComponent("甬舟"));
});
