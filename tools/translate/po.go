package translate

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"policysite/tools/textfile"
)

// This file reads and writes the subset of the gettext PO format that
// translation tools (msginit, msgmerge, Poedit, Weblate) write for our
// templates: comments, msgctxt, msgid and msgstr with continuation lines,
// and the obsolete (#~) entries msgmerge keeps.
//
// It is written by hand because no Go PO library reports where a problem
// is: github.com/chai2010/gettext-go, which this project used before,
// numbers lines from 0, silently drops undefined escapes (\q reads as q)
// and turns a plural entry into "empty msgstr". An editor needs the line
// and column of the mistake. GNU msgfmt --check is the independent
// reference: the tests check that every file we write passes it, and that
// this reader refuses what msgfmt refuses.

// Entry is one PO entry.
type Entry struct {
	Line     int // line of the entry's first keyword (msgctxt or msgid)
	Comments []string
	Flags    []string // from "#, fuzzy, c-format"
	Context  string   // msgctxt
	ID       string   // msgid
	Str      string   // msgstr
	HasCtx   bool
}

// Fuzzy reports whether the entry carries the fuzzy flag.
func (e *Entry) Fuzzy() bool {
	for _, f := range e.Flags {
		if f == "fuzzy" {
			return true
		}
	}
	return false
}

// MaxPOBytes is the largest PO file ParsePO accepts: 2 MiB, far more than
// an article's translation (the longest so far is 40 KB).
const MaxPOBytes = 2 << 20

// ParsePO parses a PO file read from file. It returns the header's msgstr
// and the entries in file order. Errors are *textfile.Error with the line
// and, where it helps, the column.
func ParsePO(file string, data []byte) (header string, entries []Entry, err error) {
	text, err := textfile.Decode(file, data, MaxPOBytes)
	if err != nil {
		return "", nil, err
	}
	p := &poParser{file: file, lines: strings.Split(text, "\n")}
	return p.parse()
}

type poParser struct {
	file  string
	lines []string
	n     int // index of the current line
}

func (p *poParser) errorf(line, col int, format string, args ...any) error {
	return textfile.Errorf(p.file, line, col, format, args...)
}

// keyword is what one line holds.
type keyword struct {
	name  string // msgctxt, msgid, msgid_plural, msgstr, msgstr[N]; "" for a continuation string
	value string
	line  int
}

func (p *poParser) parse() (string, []Entry, error) {
	var (
		entries  []Entry
		header   string
		seenHead bool
		cur      *Entry
		last     string // the keyword being continued
		comments []string
		flags    []string
		plural   bool
		hasID    bool
		hasStr   bool
	)
	finish := func() error {
		if cur == nil {
			return nil
		}
		e := cur
		cur = nil
		switch {
		case plural:
			return p.errorf(e.Line, 0, "plural entry (msgid_plural) %s: expected one msgstr per entry; a translation unit has a single form", describeEntry(e))
		case !hasID:
			return p.errorf(e.Line, 0, "entry %s has no msgid: expected msgctxt, msgid and msgstr", describeEntry(e))
		case !hasStr:
			return p.errorf(e.Line, 0, "entry %s has no msgstr: expected msgstr after msgid", describeEntry(e))
		}
		if e.ID == "" && !e.HasCtx {
			if seenHead {
				return p.errorf(e.Line, 0, "second header entry (msgid \"\"): expected one header, at the top")
			}
			if len(entries) > 0 {
				return p.errorf(e.Line, 0, "header entry (msgid \"\") after other entries: expected it at the top")
			}
			seenHead, header = true, e.Str
			return nil
		}
		if e.ID == "" {
			return p.errorf(e.Line, 0, "entry %s has an empty msgid: expected the Chinese sentence", describeEntry(e))
		}
		entries = append(entries, *e)
		return nil
	}
	start := func(line int) {
		cur = &Entry{Line: line, Comments: comments, Flags: flags}
		comments, flags = nil, nil
		plural, hasID, hasStr = false, false, false
	}
	for p.n = 0; p.n < len(p.lines); p.n++ {
		raw := p.lines[p.n]
		ln := p.n + 1
		s := strings.TrimLeft(raw, " \t")
		switch {
		case s == "":
			continue
		case strings.HasPrefix(s, "#~"), strings.HasPrefix(s, "#|"):
			// Obsolete entries and previous msgids (msgmerge) are not
			// entries.
			continue
		case strings.HasPrefix(s, "#,"):
			if err := finishIfComplete(cur, hasStr, finish); err != nil {
				return "", nil, err
			}
			for _, f := range strings.Split(s[2:], ",") {
				if f = strings.TrimSpace(f); f != "" {
					flags = append(flags, f)
				}
			}
			continue
		case strings.HasPrefix(s, "#"):
			if err := finishIfComplete(cur, hasStr, finish); err != nil {
				return "", nil, err
			}
			comments = append(comments, s)
			continue
		}
		kw, err := p.keyword(raw, ln)
		if err != nil {
			return "", nil, err
		}
		if kw.name == "" {
			if cur == nil || last == "" {
				return "", nil, p.errorf(ln, 1, "string without a keyword: expected msgctxt, msgid or msgstr before it")
			}
			switch last {
			case "msgctxt":
				cur.Context += kw.value
			case "msgid":
				cur.ID += kw.value
			case "msgstr":
				cur.Str += kw.value
			}
			// Continuations of msgid_plural and msgstr[N] are dropped:
			// the entry is refused as a plural entry when it ends.
			continue
		}
		switch kw.name {
		case "msgctxt":
			if err := finish(); err != nil {
				return "", nil, err
			}
			start(ln)
			cur.Context, cur.HasCtx = kw.value, true
		case "msgid":
			if cur == nil || hasID || hasStr {
				if err := finish(); err != nil {
					return "", nil, err
				}
				start(ln)
			}
			cur.ID, hasID = kw.value, true
		case "msgid_plural":
			if cur == nil || !hasID {
				return "", nil, p.errorf(ln, 1, "msgid_plural without msgid")
			}
			plural = true
		case "msgstr":
			if cur == nil || !hasID {
				if cur == nil {
					start(ln)
				}
				return "", nil, p.errorf(cur.Line, 0, "entry %s has no msgid: expected msgctxt, msgid and msgstr", describeEntry(cur))
			}
			if hasStr {
				return "", nil, p.errorf(ln, 1, "second msgstr in the entry of line %d", cur.Line)
			}
			cur.Str, hasStr = kw.value, true
		default: // msgstr[N]
			if cur == nil || !hasID {
				return "", nil, p.errorf(ln, 1, "%s without msgid", kw.name)
			}
			plural, hasStr = true, true
		}
		last = kw.name
	}
	if err := finish(); err != nil {
		return "", nil, err
	}
	if err := checkCharset(p.file, header); err != nil {
		return "", nil, err
	}
	return header, entries, nil
}

// finishIfComplete ends the current entry when a comment starts the next
// one (a comment after msgstr belongs to the next entry).
func finishIfComplete(cur *Entry, hasStr bool, finish func() error) error {
	if cur != nil && hasStr {
		return finish()
	}
	return nil
}

func describeEntry(e *Entry) string {
	switch {
	case e.HasCtx:
		return fmt.Sprintf("%q", e.Context)
	case e.ID != "":
		return fmt.Sprintf("%q", truncate(e.ID))
	}
	return fmt.Sprintf("on line %d", e.Line)
}

func truncate(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

// keyword parses one non-comment line: a keyword and its string, or a
// continuation string.
func (p *poParser) keyword(raw string, ln int) (keyword, error) {
	i := len(raw) - len(strings.TrimLeft(raw, " \t"))
	kw := keyword{line: ln}
	if raw[i] != '"' {
		j := i
		for j < len(raw) && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '"' {
			j++
		}
		kw.name = raw[i:j]
		switch {
		case kw.name == "msgctxt", kw.name == "msgid", kw.name == "msgid_plural", kw.name == "msgstr":
		case strings.HasPrefix(kw.name, "msgstr[") && strings.HasSuffix(kw.name, "]"):
			if _, err := strconv.Atoi(kw.name[7 : len(kw.name)-1]); err != nil {
				return kw, p.errorf(ln, col(raw, i), "bad plural index in %q", kw.name)
			}
		default:
			return kw, p.errorf(ln, col(raw, i), "unknown keyword %q: expected msgctxt, msgid, msgstr or a comment starting with #", truncate(kw.name))
		}
		i = j
		for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t') {
			i++
		}
		if i >= len(raw) || raw[i] != '"' {
			return kw, p.errorf(ln, col(raw, i), "%s without a string: expected %s \"…\"", kw.name, kw.name)
		}
	}
	v, end, err := p.str(raw, i, ln)
	if err != nil {
		return kw, err
	}
	if rest := strings.TrimSpace(raw[end:]); rest != "" {
		at := end + strings.Index(raw[end:], rest)
		return kw, p.errorf(ln, col(raw, at), "text %q after the closing quote: expected the end of the line", truncate(rest))
	}
	kw.value = v
	return kw, nil
}

// col is the 1-based character column of byte offset i in line.
func col(line string, i int) int { return utf8.RuneCountInString(line[:min(i, len(line))]) + 1 }

// str decodes the quoted string starting at raw[i] == '"' and returns it
// with the offset after its closing quote. The escapes are those of GNU
// gettext's PO lexer: \n \t \b \r \f \v \a \\ \" \? and octal \ooo and
// hexadecimal \xhh bytes; anything else is an error.
func (p *poParser) str(raw string, i, ln int) (string, int, error) {
	var b strings.Builder
	j := i + 1
	for j < len(raw) {
		c := raw[j]
		switch c {
		case '"':
			s := b.String()
			if !utf8.ValidString(s) {
				return "", 0, p.errorf(ln, col(raw, i), "string escapes make invalid UTF-8: expected UTF-8 text")
			}
			return s, j + 1, nil
		case '\\':
			if j+1 >= len(raw) {
				return "", 0, p.errorf(ln, col(raw, j), "backslash at the end of the line: expected an escape (\\\\, \\\", \\n, …) and a closing quote")
			}
			e := raw[j+1]
			if r, ok := simpleEscapes[e]; ok {
				b.WriteByte(r)
				j += 2
				continue
			}
			switch {
			case e >= '0' && e <= '7':
				k, v := j+1, 0
				for k < len(raw) && k < j+4 && raw[k] >= '0' && raw[k] <= '7' {
					v = v*8 + int(raw[k]-'0')
					k++
				}
				if v > 0xFF {
					return "", 0, p.errorf(ln, col(raw, j), "octal escape out of range")
				}
				b.WriteByte(byte(v))
				j = k
			case e == 'x':
				k, v := j+2, 0
				for k < len(raw) && isHex(raw[k]) {
					v = v*16 + hexVal(raw[k])
					k++
					if v > 0xFF {
						return "", 0, p.errorf(ln, col(raw, j), "hexadecimal escape out of range")
					}
				}
				if k == j+2 {
					return "", 0, p.errorf(ln, col(raw, j), "\\x without hexadecimal digits")
				}
				b.WriteByte(byte(v))
				j = k
			default:
				r, _ := utf8.DecodeRuneInString(raw[j+1:])
				return "", 0, p.errorf(ln, col(raw, j), "undefined escape \\%c: expected \\\\ for a backslash, \\\" for a quote, or one of \\n \\t \\r \\b \\f \\v \\a", r)
			}
		default:
			b.WriteByte(c)
			j++
		}
	}
	return "", 0, p.errorf(ln, col(raw, i), "string is not closed: expected a closing quote on the same line")
}

var simpleEscapes = map[byte]byte{'n': '\n', 't': '\t', 'b': '\b', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', '\\': '\\', '"': '"', '?': '?'}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// checkCharset refuses a header that declares another encoding than UTF-8:
// gettext tools would then read the file's bytes differently from us.
func checkCharset(file, header string) error {
	for _, l := range strings.Split(header, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "Content-Type") {
			continue
		}
		_, cs, ok := strings.Cut(strings.ToLower(v), "charset=")
		if !ok {
			continue
		}
		cs = strings.TrimSpace(cs)
		if cs != "utf-8" && cs != "utf8" && cs != "charset" {
			return textfile.Errorf(file, 0, 0, "header declares charset=%s: expected charset=UTF-8 (the file must be UTF-8)", cs)
		}
	}
	return nil
}

// quote encodes s as a PO string: backslash, quote and control characters
// escaped, everything else as it is (UTF-8).
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\%03o`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeString writes `keyword "value"`; a value with line breaks is written
// the way gettext tools write it, one line per continuation string.
func writeString(b *strings.Builder, kw, s string) {
	if !strings.Contains(strings.TrimSuffix(s, "\n"), "\n") {
		fmt.Fprintf(b, "%s %s\n", kw, quote(s))
		return
	}
	fmt.Fprintf(b, "%s \"\"\n", kw)
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			b.WriteString(quote(l) + "\n")
		}
	}
}
