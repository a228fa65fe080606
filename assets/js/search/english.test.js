import { test } from "node:test";
import assert from "node:assert/strict";
import { oneEdit, swapped, addVocabulary, matchingWords, compile, matchBlock, EXACT, SAME_STEM, PREFIX, TYPO } from "./english.js";
import { parseQuery } from "./query.js";

const blocks = [
  { text: "The islands and the island port." },
  { text: "Green petrochemicals and marine biomedicine." },
  { text: "Common prosperity for all." },
  { text: "A port city, and a city port." },
];
const vocabulary = new Map();
for (const b of blocks) addVocabulary(vocabulary, b);

test("oneEdit: one insertion, deletion, substitution or swap", () => {
  assert.ok(oneEdit("prosperty", "prosperity"));
  assert.ok(oneEdit("goverment", "government"));
  assert.ok(oneEdit("form", "from"));
  assert.ok(oneEdit("port", "post"));
  assert.ok(!oneEdit("port", "port"));
  assert.ok(!oneEdit("port", "sport s"));
  assert.ok(!oneEdit("abcd", "badc"));
});

test("exact words weigh more than words with the same stem", () => {
  const m = matchingWords(vocabulary, "island");
  assert.equal(m.get("island"), EXACT);
  assert.equal(m.get("islands"), SAME_STEM);
  assert.equal(m.size, 2);
});

test("a prefix only when nothing matches as typed, words and stems alike", () => {
  assert.deepEqual([...matchingWords(vocabulary, "biomed")], [["biomedicine", PREFIX]]);
  assert.deepEqual([...matchingWords(vocabulary, "biomedical")], [["biomedicine", PREFIX]]);
  assert.deepEqual([...matchingWords(vocabulary, "prosp")], [["prosperity", PREFIX]]);
  assert.equal(matchingWords(vocabulary, "po").size, 0);
});

test("one typo only when nothing matches as typed or as a prefix, words and stems alike", () => {
  assert.deepEqual([...matchingWords(vocabulary, "prosperty")], [["prosperity", TYPO]]);
  assert.deepEqual([...matchingWords(vocabulary, "petrochemcal")], [["petrochemicals", TYPO]]);
  assert.equal(matchingWords(vocabulary, "pert").size, 0, "a word of four letters: no letter changed");
  assert.deepEqual([...matchingWords(vocabulary, "ctiy")], [["city", TYPO]], "a word of four letters: two neighbours swapped");
  assert.equal(matchingWords(vocabulary, "cty").size, 0, "three letters: no typo");
});

test("swapped: two neighbouring letters, nothing else", () => {
  assert.ok(swapped("ctiy", "city"));
  assert.ok(swapped("bleu", "blue"));
  assert.ok(!swapped("city", "city"));
  assert.ok(!swapped("cite", "city"));
  assert.ok(!swapped("abcd", "badc"));
  assert.ok(!swapped("abc", "abcd"));
});

test("a block with an exact match ranks above one with only stems, whatever their lengths", () => {
  const q = compile(vocabulary, parseQuery("island"));
  const longExact = matchBlock({ text: "An island " + "and more words ".repeat(80) }, q);
  const shortStems = matchBlock({ text: "The islands, islands, islands." }, q);
  assert.ok(longExact.score > shortStems.score, `${longExact.score} > ${shortStems.score}`);
  const two = compile(vocabulary, parseQuery("port island"));
  const bothExact = matchBlock({ text: "port " + "x ".repeat(300) + "island" }, two);
  const oneStem = matchBlock({ text: "port islands" }, two);
  assert.ok(bothExact.score > oneStem.score);
});

test("every term must match; a quoted phrase in a row; exact matches score higher", () => {
  const groups = compile(vocabulary, parseQuery("port island"));
  assert.equal(matchBlock(blocks[1], groups), null);
  const m = matchBlock(blocks[0], groups);
  assert.deepEqual(m.ranges, [[27, 31], [4, 11], [20, 26]]);
  const phrase = compile(vocabulary, parseQuery('"city port"'));
  assert.deepEqual(matchBlock(blocks[3], phrase).ranges, [[19, 28]]);
  assert.equal(matchBlock(blocks[0], phrase), null);
  const exact = matchBlock(blocks[0], compile(vocabulary, parseQuery("island")));
  const stemOnly = matchBlock({ text: "The islands and the isles port." }, compile(vocabulary, parseQuery("island")));
  assert.ok(exact.score > stemOnly.score);
});

test("addVocabulary: a block's words from one index to another", () => {
  const v = new Map();
  const b = { text: "Islands and ports of the islands." };
  addVocabulary(v, b, 0, 2);
  assert.deepEqual([...v.keys()], ["islands", "and"]);
  addVocabulary(v, b, 2, 99);
  assert.deepEqual([...v.keys()], ["islands", "and", "ports", "of", "the"]);
  assert.equal(v.get("ports"), "port");
});
