// citation.js: the citations of a passage of an article, as pure functions
// (no DOM), tested with Node (citation.test.js).
//
// formatCitations(input) returns, for the page's language, the citations a
// reader can copy, each as runs of text with their language, so that the
// page sets English in a Latin font inside Chinese text:
//
//   input = {
//     lang: "zh" | "en",                  the page (the original or its translation)
//     cite: {author, title, publication, site: {zh, en}, date: "YYYY-MM-DD", year},
//                                         author, title, publication: {zh, en}
//     url: "https://…/#p12.3",            the page with the passage's anchor
//     where: {para: "12", item: "", sentence: "3", to: ""},
//     accessed: "YYYY-MM-DD",             the day the citation is copied
//   }
//   → [{id, label, parts: [{text, lang}]}]

// latinRuns splits s into runs of Latin-script text and the rest.
export function runs(s, fallback) {
  const out = [];
  const re = /[A-Za-z][A-Za-z0-9’'.,:;!?()“”"\-–— /#&%+=_~@]*[A-Za-z0-9.)”"’]|[A-Za-z]/g;
  let pos = 0;
  for (const m of s.matchAll(re)) {
    if (m.index > pos) out.push({ text: s.slice(pos, m.index), lang: fallback });
    out.push({ text: m[0], lang: "en" });
    pos = m.index + m[0].length;
  }
  if (pos < s.length) out.push({ text: s.slice(pos), lang: fallback });
  return out;
}

function where(w, lang) {
  if (!w || !w.para) return "";
  if (lang === "zh") {
    let s = w.to ? `第${w.para}—${w.to}段` : `第${w.para}段`;
    if (w.item) s += `第${w.item}项`;
    if (w.sentence) s += `第${w.sentence}句`;
    return s;
  }
  let s = w.to ? `paras. ${w.para}–${w.to}` : `para. ${w.para}`;
  if (w.item) s += `, item ${w.item}`;
  if (w.sentence) s += `, sentence ${w.sentence}`;
  return s;
}

function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${months[m - 1]} ${d}, ${y}`;
}

export function formatCitations(input) {
  const { lang, cite, url, accessed } = input;
  const w = input.where;
  const zhLoc = "zh-Hans";
  const original = lang === "zh";
  const gb = original
    ? `${cite.author.zh}. ${cite.title.zh}[J/OL]. ${cite.publication.zh}, ${cite.date}: ${where(w, "zh")}[${accessed}]. ${url}.`
    : `${cite.author.zh}. ${cite.title.en}[EB/OL]. ${cite.site.zh}, 译. (${cite.year})[${accessed}]. ${url}. 原文: ${cite.author.zh}. ${cite.title.zh}[J]. ${cite.publication.zh}, ${cite.date}.`;
  const title = cite.title.en.replace(/“/g, "‘").replace(/”/g, "’");
  const note = original
    ? `${cite.author.en}, “${cite.title.zh}” [${title}], ${cite.publication.en} (${cite.publication.zh}), ${longDate(cite.date)}, ${where(w, "en")}, ${url}, accessed ${longDate(accessed)}.`
    : `${cite.author.en}, “${title},” trans. ${cite.site.en}, ${where(w, "en")}, ${url}, accessed ${longDate(accessed)}; originally published as “${cite.title.zh},” ${cite.publication.en} (${cite.publication.zh}), ${longDate(cite.date)}.`;
  const bib = original
    ? `${cite.author.en}. “${cite.title.zh}” [${title}]. ${cite.publication.en} (${cite.publication.zh}), ${longDate(cite.date)}. ${url}.`
    : `${cite.author.en}. “${title}.” Translated by ${cite.site.en}. Accessed ${longDate(accessed)}. ${url}. Originally published as “${cite.title.zh},” ${cite.publication.en} (${cite.publication.zh}), ${longDate(cite.date)}.`;
  return [
    { id: "gb", label: "citeGB", parts: runs(gb, zhLoc) },
    { id: "chicago-note", label: "citeChicagoNote", parts: runs(note, zhLoc) },
    { id: "chicago-bib", label: "citeChicagoBib", parts: runs(bib, zhLoc) },
  ];
}
