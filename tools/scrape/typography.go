package scrape

import (
	"strings"
	"unicode"
)

// fullWidth maps the ASCII punctuation the scrape produced back to the
// full-width forms of the original.
var fullWidth = map[rune]rune{',': '，', ';': '；', ':': '：'}

// Typography restores full-width punctuation in Chinese text: each ASCII
// , ; : whose left neighbour is CJK and whose right neighbour is CJK or the
// end of s becomes ，；：. Everything else is left as it is, so "发布日期:2022"
// or "1,000" keep their ASCII.
func Typography(s string) string {
	rs := []rune(s)
	changed := false
	for i, r := range rs {
		fw, ok := fullWidth[r]
		if !ok || i == 0 || !IsCJK(rs[i-1]) {
			continue
		}
		if i+1 < len(rs) && !IsCJK(rs[i+1]) {
			continue
		}
		rs[i] = fw
		changed = true
	}
	if !changed {
		return s
	}
	return string(rs)
}

// IsCJK reports whether r is a Han character or punctuation used in Chinese
// text: the CJK Symbols and Punctuation block (、。《》「」…), the full-width
// forms (，；：！？（）), and the curly quotes, ellipsis and dashes of Chinese
// typesetting (“”‘’…—·).
func IsCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
		return true
	}
	return strings.ContainsRune("“”‘’…—·", r)
}
