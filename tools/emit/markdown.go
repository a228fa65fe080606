package emit

import "strings"

// escaped are the ASCII punctuation marks that can start Markdown syntax
// anywhere in a line (emphasis, code, links, raw HTML, entities, attributes,
// Hugo shortcode delimiters, strikethrough, tables). CommonMark lets any
// ASCII punctuation be backslash-escaped; the ones left out (, . ; : ? ' "
// ( ) / % + - @) only matter at the start of a line, handled in Escape.
const escaped = "\\`*_[]<>#!|{}&~^=$"

// Escape makes s safe as the text of one Markdown paragraph: rendered by
// goldmark it gives back exactly s, which must be one trimmed line. Written by hand because no Markdown
// library offers the inverse of its parser; the round-trip test and
// FuzzEscape in this package hold it to that promise.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case strings.ContainsRune(escaped, r):
			b.WriteByte('\\')
		case i == 0 && (r == '+' || r == '-'):
			b.WriteByte('\\') // list item or thematic break
		case (r == '.' || r == ')') && allDigits(rs[:i]):
			b.WriteByte('\\') // "1." or "1)" would start an ordered list
		}
		b.WriteRune(r)
	}
	return b.String()
}

func allDigits(rs []rune) bool {
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
