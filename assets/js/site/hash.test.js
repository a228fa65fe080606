import { test } from "node:test";
import assert from "node:assert/strict";
import { hashId } from "./hash.js";

test("a fragment, decoded; a malformed one as it is", () => {
  assert.equal(hashId("#p12.3"), "p12.3");
  assert.equal(hashId("#%E8%88%9F"), "舟");
  assert.equal(hashId(""), "");
  assert.equal(hashId("#"), "");
  for (const h of ["#%", "#%E8%88", "#p1%zz"]) assert.equal(hashId(h), h.slice(1), h);
});
