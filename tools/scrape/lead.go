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

// splitLead splits a section paragraph that opens with a lead sentence
// (构建现代海洋产业“四梁八柱”。加快推进…) into the lead and the rest. A lead is the
// first sentence, ending in 。！ or ？, of at most maxLeadRunes runes and
// with no comma, enumeration comma, semicolon or colon, followed by more
// text. Otherwise lead is empty and rest is s.
func splitLead(s string) (lead, rest string) {
	i := strings.IndexAny(s, "。！？")
	if i < 0 {
		return "", s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	lead, rest = s[:i+size], s[i+size:]
	if rest == "" || utf8.RuneCountInString(lead) > maxLeadRunes || strings.ContainsAny(lead, leadBreaks) {
		return "", s
	}
	return lead, rest
}
