// Package textfile checks that an input file is clean UTF-8 text before any
// parser reads it, and reports problems at a file, line and column.
//
// Every file an editor writes by hand (the scraped zh.txt, a translation's
// en.po, the glossary) enters the splitter through Decode, so that a file
// saved in the wrong encoding, with a stray control character or with old
// Mac line ends is refused with a message that says where and why, instead
// of turning into broken pages or ill-formed feeds further down.
package textfile

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a problem in an input file. Line and Col are 1-based; 0 means
// the problem is not at one line (or column).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Errorf returns an *Error.
func Errorf(file string, line, col int, format string, args ...any) error {
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

const bom = "\uFEFF"

// Decode checks that data, read from file, is UTF-8 text of at most limit
// bytes (no limit when limit <= 0) and returns it as a string without its
// byte order mark and with CRLF line ends turned into LF. It refuses:
//
//   - UTF-16 (by its byte order mark or its zero bytes) and other invalid
//     UTF-8;
//   - a byte order mark anywhere but at the very start;
//   - control characters (U+0000–U+001F but tab and line ends, U+007F,
//     U+0080–U+009F) and the Unicode line and paragraph separators
//     U+2028/U+2029, which break feeds and pages;
//   - a carriage return that is not part of a CRLF line end.
//
// Columns count characters, not bytes, from 1.
func Decode(file string, data []byte, limit int) (string, error) {
	if limit > 0 && len(data) > limit {
		return "", Errorf(file, 0, 0, "file is %d bytes, over the limit of %d bytes: split it, or raise the limit if the article really is that long", len(data), limit)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || looksUTF16(data) {
		return "", Errorf(file, 0, 0, "file is UTF-16 text: expected UTF-8 (save it as \"UTF-8\" in the editor)")
	}
	s := strings.TrimPrefix(string(data), bom)
	offset := len(data) - len(s) // bytes dropped before s
	line, col := 1, 1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return "", Errorf(file, line, col, "invalid UTF-8 (byte 0x%02X at byte offset %d): expected UTF-8 text", s[i], offset+i)
		case r == '\n':
			line, col = line+1, 0
		case r == '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				return "", Errorf(file, line, col, "carriage return (U+000D) without a line feed: expected LF or CRLF line ends (old Mac line ends are not supported)")
			}
			col--
		case r == '\uFEFF':
			return "", Errorf(file, line, col, "byte order mark (U+FEFF) in the middle of the file: expected it only at the very start, once (was a file pasted into another?)")
		case r == '\t':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			return "", Errorf(file, line, col, "control character U+%04X: expected text (delete the character)", r)
		case r == '\u2028' || r == '\u2029':
			return "", Errorf(file, line, col, "Unicode %s U+%04X: expected an ordinary line end", map[rune]string{'\u2028': "line separator", '\u2029': "paragraph separator"}[r], r)
		}
		i += size
		col++
	}
	return strings.ReplaceAll(s, "\r\n", "\n"), nil
}

// looksUTF16 reports whether data is probably UTF-16 without a byte order
// mark: text with a zero byte in every other position at its start.
func looksUTF16(data []byte) bool {
	n := min(len(data), 64) &^ 1
	if n < 4 {
		return false
	}
	zeros := [2]int{}
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			zeros[i%2]++
		}
	}
	half := n / 2
	return zeros[0] >= half*3/4 || zeros[1] >= half*3/4
}
