// glossary.js: the glossary terms a query names, which carry it across the
// languages (common prosperity ↔ 共同富裕, Ningbo ↔ 甬舟).
//
// A query names a term when it is the term, in Chinese (folded as the
// search folds text), in pinyin (letters only: gongtong fuyu, gòngtóng fùyù,
// gongtongfuyu) or in one of its English renderings (word by word, by
// Porter stem: "common prosperities"). When no term is named so, the query
// names the terms it is part of: a Chinese query of two characters or more
// that occurs in the term; a Latin query of three letters or more whose
// words occur in a row in a rendering (Ningbo → Ningbo-Zhoushan), unless
// they are only words like "the" and "and" that every other rendering has,
// or whose letters begin the term's pinyin, or (four letters or more) its
// pinyin from a later word on, the last syllable unfinished (gongtong,
// gongtong fu, fuyu → gòngtóng fùyù). When it names none of these either, a
// Latin query names the terms it is a rendering of with typos, the typos the
// English search forgives (english.js: one edit in a word of five letters or
// more, two neighbours swapped in one of four), word by word: comon
// prosperity → 共同富裕.
import { foldChinese, pinyinBreaks, pinyinKey, words, writtenIn } from "./fold.js";
import { stem } from "./stem.js";
import { typoTest } from "./english.js";
import { possessive } from "./query.js";

const stems = (text) => words(text).map((w) => stem(w.word));


// function words name no term on their own.
const functionWords = new Set("a an and as at by for from in into is it its of on or the to with".split(" "));

// prepareGlossary turns the glossary file ([{zh, pinyin, en: [renderings]}])
// into entries whose forms compared with a query (folded Chinese, pinyin
// letters, stems of the renderings) are computed when first needed: a
// Chinese query needs only the first.
export function prepareGlossary(terms) {
  return terms.map((t) => {
    const forms = {};
    const once = (k, f) => (k in forms ? forms[k] : (forms[k] = f()));
    return {
      zh: t.zh,
      en: t.en,
      get zhFolded() {
        return once("zhFolded", () => foldChinese(t.zh, null).folded);
      },
      get pinyin() {
        return once("pinyin", () => pinyinKey(t.pinyin));
      },
      // the pinyin from each word after the first on: gòngtóng fùyù → [fuyu]
      get laterPinyin() {
        return once("laterPinyin", () => {
          const ws = t.pinyin.split(/[\s,;，、]+/).filter(Boolean);
          return ws.slice(1).map((_, i) => pinyinKey(ws.slice(i + 1).join(""))).filter(Boolean);
        });
      },
      // the syllable boundaries the pinyin marks (pinyinBreaks), of the
      // whole and of each laterPinyin
      get pinyinBreaks() {
        return once("pinyinBreaks", () => pinyinBreaks(t.pinyin, true).breaks);
      },
      get laterPinyinBreaks() {
        return once("laterPinyinBreaks", () => {
          const ws = t.pinyin.split(/[\s,;，、]+/).filter(Boolean);
          return ws.slice(1).map((_, i) => pinyinBreaks(ws.slice(i + 1).join(" "), true)).filter((p) => p.key).map((p) => p.breaks);
        });
      },
      get enStems() {
        return once("enStems", () => t.en.map(stems));
      },
      get enWords() {
        return once("enWords", () => t.en.map((r) => words(r).map((w) => w.word)));
      },
    };
  });
}

// computeForms computes the forms termsNamed compares a query with, for
// a query written in Chinese (lang "zh") or not, one entry per step,
// awaiting pause() between steps: termsNamed is then quick.
export async function computeForms(glossary, lang, pause) {
  for (const t of glossary) {
    if (lang === "zh") void t.zhFolded;
    else void (t.pinyin, t.laterPinyin, t.pinyinBreaks, t.laterPinyinBreaks, t.enStems);
    await pause();
  }
}

function inRow(haystack, needle) {
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((s, j) => haystack[i + j] === s)) return true;
  }
  return false;
}

// termsNamed returns the glossary entries a query names (see above).
export function termsNamed(glossary, query, t2s) {
  const exact = [];
  const part = [];
  if (writtenIn(query) === "zh") {
    const q = foldChinese(query, t2s).folded;
    for (const t of glossary) {
      if (t.zhFolded === q) exact.push(t);
      else if (q.length >= 2 && t.zhFolded.includes(q)) part.push(t);
    }
  } else {
    // An English possessive is not pinyin: Zhoushan’s names 舟山, not
    // 中共舟山市委 (zhoushan shiwei).
    query = query.replace(possessive, "");
    // A syllable boundary the query marks with an apostrophe (xi'an) must
    // be one the term's pinyin marks: xi'an is not the xian of xiānxíng.
    const { key, breaks } = pinyinBreaks(query);
    const fits = (marked) => [...breaks].every((b) => marked.has(b));
    const q = stems(query);
    if (!q.length) return [];
    const content = words(query).some((w) => !functionWords.has(w.word));
    for (const t of glossary) {
      const pinyin = t.pinyin.startsWith(key) && fits(t.pinyinBreaks);
      if ((pinyin && t.pinyin === key) || t.enStems.some((s) => s.length === q.length && inRow(s, q))) exact.push(t);
      else if (
        key.length >= 3 &&
        (pinyin ||
          (key.length >= 4 && t.laterPinyin.some((p, i) => p.startsWith(key) && fits(t.laterPinyinBreaks[i]))) ||
          (content && t.enStems.some((s) => inRow(s, q))))
      )
        part.push(t);
    }
  }
  if (exact.length || part.length || writtenIn(query) === "zh") return exact.length ? exact : part;
  // With typos: each word of the query the same as the rendering's word in
  // its place, or one typo from it.
  const qw = words(query).map((w) => w.word);
  const near = (q, w) => q === w || (typoTest(q) || (() => false))(q, w);
  return glossary.filter((t) => t.enWords.some((r) => r.length === qw.length && r.every((w, i) => near(qw[i], w))));
}
