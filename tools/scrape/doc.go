// Package scrape parses an article as scraped from the government CMS into
// the document model of package article.
//
// # The source format
//
// A source file is UTF-8 text (a BOM and CRLF line ends are accepted and
// ignored). Lines are separated into text lines, blank lines and separator
// lines; a separator line holds nothing but ASCII spaces or tabs ("  "). In
// order, a file holds:
//
//	首页 > 栏目                        breadcrumb (optional): the article's series
//	标题                               title (required)
//	发布日期:YYYY-MM-DD 信息来源: 出处   date (required, a real date) and source
//	职务  姓名                          byline (optional): role and name, split at the space run
//	段落 …                             opening paragraphs, and at most one photo caption
//	  ⏎ 小标题 ⏎  …                     sections: a heading wrapped in separator lines,
//	段落 …                             then at least one paragraph
//	  ⏎ 段落 …                         closing: paragraphs after a lone separator line
//	Produced By …                      CMS footer (optional), dropped
//
// # Rules that change the text
//
// Nothing else is changed; each rule is implemented in one place:
//
//   - Line ends and a leading BOM are dropped (read.go).
//   - NBSP (U+00A0) becomes a space, then every line is trimmed; a line that
//     is then empty is blank (read.go).
//   - Punctuation (typography.go): the scrape turned the full-width ，；： of
//     the original into ASCII ,;: — each ASCII , ; : whose left neighbour is
//     CJK (a Han character or CJK punctuation) and whose right neighbour is
//     CJK or the end of the text is restored to ，；：.
//   - The breadcrumb keeps its last segment as the series; "首页" and the ">"
//     separators are navigation (header.go).
//   - The date line's labels 发布日期 and 信息来源 become the Date and Source
//     fields (header.go).
//   - The byline's run of spaces between role and name is a field separator
//     (header.go).
//   - A caption is a short preamble line that does not end a sentence
//     (caption.go): it is kept as data, never as body text.
//   - A paragraph in a section whose first sentence is short and has no comma
//     opens with a lead sentence (lead.go); the paragraph is split into Lead
//     and Text, which read together as the original.
//   - A paragraph that starts with 一是 is an enumeration (enumeration.go):
//     it is split into items before each 二是, 三是, …, each item keeping its
//     text and its closing punctuation.
//   - Trailing "Produced By …" lines are the CMS footer and are dropped
//     (footer.go).
package scrape
