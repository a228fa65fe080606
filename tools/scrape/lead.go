package scrape

import (
	"strings"
	"unicode/utf8"
)

// maxLeadRunes bounds a lead sentence; the longest in the archive so far is
// 全力提升全球大宗商品资源配置能力。 (17).
const maxLeadRunes = 24

// leadBreaks are punctuation marks a lead sentence never contains.
const leadBreaks = "，,、；;：:"

// isLead reports whether the first of a section paragraph's sentences is
// its lead, the run-in head that opens it (构建现代海洋产业“四梁八柱”。加快推进…):
// a whole sentence (ending in 。！ or ？) of at most maxLeadRunes runes with
// no comma, enumeration comma, semicolon or colon, followed by more text.
func isLead(sentences []string) bool {
	if len(sentences) < 2 {
		return false
	}
	first := sentences[0]
	return endsSentence(first) && utf8.RuneCountInString(first) <= maxLeadRunes && !strings.ContainsAny(first, leadBreaks)
}

// endsSentence reports whether s ends with a sentence stop, possibly
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	t := strings.TrimRight(s, closers)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(sentenceStops, r)
}
