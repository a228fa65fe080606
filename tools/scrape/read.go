package scrape

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// lineKind classifies a source line.
type lineKind int

const (
	lineBlank lineKind = iota
	lineSeparator
	lineText
)

// line is one source line after the line-level rules.
type line struct {
	kind lineKind
	n    int    // 1-based line number
	text string // NBSP → space, trimmed; empty unless kind == lineText
}

// readLines applies the line-level rules: it checks the encoding, drops a
// BOM and the line ends, turns NBSP into spaces, trims, and classifies each
// line.
func readLines(file string, src []byte) ([]line, error) {
	if !utf8.Valid(src) {
		n, col := 1, 1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && size <= 1 {
				return nil, errorf(file, n, "invalid UTF-8 (byte 0x%02x at column %d): the source must be UTF-8 text", src[i], col)
			}
			if r == '\n' {
				n, col = n+1, 0
			}
			i += size
			col++
		}
	}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	text = strings.TrimSuffix(text, "\n")
	if strings.TrimSpace(strings.ReplaceAll(text, "\u00a0", " ")) == "" {
		return nil, errorf(file, 0, "empty file: expected a title line and a date line")
	}
	raw := strings.Split(text, "\n")
	lines := make([]line, len(raw))
	for i, r := range raw {
		l := line{n: i + 1}
		switch {
		case r != "" && strings.Trim(r, " \t") == "":
			l.kind = lineSeparator
		default:
			l.text = strings.TrimSpace(strings.ReplaceAll(r, "\u00a0", " "))
			if l.text != "" {
				l.kind = lineText
			}
		}
		lines[i] = l
	}
	return lines, nil
}
