// snippet.js: the excerpt of a block shown in a result: a window of
// context around every match (28 characters in Chinese, about 70 in
// English, widened to whole words), windows that overlap or are less than
// a few words apart joined (minGap), each match marked; at most three
// windows, and about as much text as three windows around one match each,
// so that a query found all over a block (the, 发展) shows a few lines of
// it, not the whole block. Where text is left out — between windows, before
// the first, after the last — the excerpt has a gap, which the page draws
// as a mark of its own, so that it cannot be read as the author's ellipsis
// (……). Matches that overlap or touch (海岛 and 海岛安全城市; garden, city
// on the sea) are one mark. A block without matches shows its opening.

const context = { zh: 28, en: 70 };

// minGap is the least text a gap leaves out: windows closer than that are
// joined, so that a gap never stands for a word or two ("with […] aim").
const minGap = { zh: 10, en: 24 };

// maxWindows is the number of windows an excerpt shows at most.
export const maxWindows = 3;

// excerpt returns the parts of the excerpt of text: [{text, mark}] and
// {gap: true} where text is left out. ranges: [start, end) of the matches.
export function excerpt(text, ranges, lang) {
  const ctx = context[lang] || context.en;
  const parts = [];
  if (!ranges.length) {
    const end = cut(text, Math.min(text.length, ctx * 3), lang, 1);
    parts.push({ text: text.slice(0, end), mark: false });
    if (end < text.length) parts.push({ gap: true });
    return parts;
  }
  const sorted = ranges.slice().sort((a, b) => a[0] - b[0]);
  const windows = [];
  for (const [s, e] of sorted) {
    const from = cut(text, Math.max(0, s - ctx), lang, -1);
    const to = cut(text, Math.min(text.length, e + ctx), lang, 1);
    const last = windows[windows.length - 1];
    if (last && from - last.to < (minGap[lang] || minGap.en)) {
      last.to = Math.max(last.to, to);
      last.marks.push([s, e]);
    } else windows.push({ from, to, marks: [[s, e]] });
  }
  // At most maxWindows windows, and about as much text as that many
  // windows around one match each: a window that joined many matches is
  // cut after the last match that fits (its first at least), with its
  // context.
  let budget = maxWindows * (2 * ctx + 10);
  const kept = [];
  for (const w of windows) {
    if (kept.length === maxWindows || budget <= 0) break;
    if (w.to - w.from > budget) {
      let end = w.marks[0][1];
      for (const [, e] of w.marks) if (e - w.from <= budget) end = Math.max(end, e);
      w.to = Math.min(w.to, cut(text, Math.min(text.length, end + ctx), lang, 1));
      // Every match the window shows is marked (one its end cuts, whole).
      for (const [s, e] of w.marks) if (s < w.to && e > w.to) w.to = e;
      w.marks = w.marks.filter(([s]) => s < w.to);
    }
    budget -= w.to - w.from;
    kept.push(w);
  }
  windows.length = 0;
  windows.push(...kept);
  for (const w of windows) {
    if (w.from > 0) parts.push({ gap: true });
    let at = w.from;
    for (const [s, e] of w.marks) {
      if (e <= at) continue; // inside the previous mark
      const prev = parts[parts.length - 1];
      if (s <= at && prev && prev.mark) {
        prev.text += text.slice(at, e); // overlapping or touching the previous mark: one mark
      } else {
        if (s > at) parts.push({ text: text.slice(at, s), mark: false });
        parts.push({ text: text.slice(Math.max(s, at), e), mark: true });
      }
      at = e;
    }
    if (w.to > at) parts.push({ text: text.slice(at, w.to), mark: false });
  }
  if (windows[windows.length - 1].to < text.length) parts.push({ gap: true });
  return parts;
}

// cut moves an English window edge outwards (dir -1: left, 1: right) to a
// space, so that words are not cut, but by 20 characters at most; Chinese
// has no spaces to look for.
function cut(text, at, lang, dir) {
  if (lang === "zh") return at;
  for (let i = 0; i < 20; i++) {
    if (dir < 0 ? at <= 0 || /\s/.test(text[at - 1]) : at >= text.length || /\s/.test(text[at])) return at;
    at += dir;
  }
  return at;
}

// alignedSpans returns, for a block that did not match, where in it are
// the sentences aligned with those that did in its counterpart: from and
// to are the two languages' blocks of one id (with spans: data.js), ranges
// the matches in from. The sentences of an aligned block are the same in
// both languages, one for one; a sentence empty in to is left out.
export function alignedSpans(from, ranges, to) {
  if (!from.spans || !to.spans) return [];
  const out = [];
  from.spans.forEach(([s, e], i) => {
    const span = to.spans[i];
    if (span && span[1] > span[0] && ranges.some(([rs]) => rs >= s && rs < e)) out.push(span);
  });
  return out;
}
