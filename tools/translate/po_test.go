package translate

import (
	"strconv"
	"strings"
	"testing"
)

// TestHex: isHex and hexVal agree with strconv on every byte.
func TestHex(t *testing.T) {
	for c := 0; c < 256; c++ {
		v, err := strconv.ParseUint(string(rune(c)), 16, 8)
		if have, want := isHex(byte(c)), err == nil && c < 0x80; have != want {
			t.Errorf("isHex(%#02x) = %v, want %v", c, have, want)
		}
		if err == nil && c < 0x80 {
			if have := hexVal(byte(c)); have != int(v) {
				t.Errorf("hexVal(%#02x) = %d, want %d", c, have, v)
			}
		}
	}
}

// TestQuote: quote escapes what a PO string must not hold as it is, and
// ParsePO reads it back.
func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"First “quoted” part.", `"First “quoted” part."`},
		{`a\b"c`, `"a\\b\"c"`},
		{"a\nb\tc\rd", `"a\nb\tc\rd"`},
		{"\x00\x07\x1f", `"\000\007\037"`},
		{" ~", `" ~"`}, // from the space up, characters are written as they are
		{"中文", `"中文"`},
	}
	for _, tt := range tests {
		have := quote(tt.in)
		if have != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, have, tt.want)
		}
		_, es, err := ParsePO("q.po", []byte("msgctxt \"x\"\nmsgid \"x\"\nmsgstr "+have+"\n"))
		if err != nil || len(es) != 1 || es[0].Str != tt.in {
			t.Errorf("%s reads back as %+v, %v", have, es, err)
		}
	}
}

// TestWriteString: a value with a line break inside is written as gettext
// tools write it, one continuation string per line.
func TestWriteString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one line", "msgstr \"one line\"\n"},
		{"ends with a break\n", "msgstr \"ends with a break\\n\"\n"},
		{"a\nb", "msgstr \"\"\n\"a\\n\"\n\"b\"\n"},
		{"a\nb\n", "msgstr \"\"\n\"a\\n\"\n\"b\\n\"\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeString(&b, "msgstr", tt.in)
		if b.String() != tt.want {
			t.Errorf("writeString(%q) = %q, want %q", tt.in, b.String(), tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{strings.Repeat("字", 20), strings.Repeat("字", 20)},
		{strings.Repeat("字", 21), strings.Repeat("字", 20) + "…"},
		{strings.Repeat("a", 25), strings.Repeat("a", 20) + "…"},
	}
	for _, tt := range tests {
		if have := truncate(tt.in); have != tt.want {
			t.Errorf("truncate(%q) = %q, want %q", tt.in, have, tt.want)
		}
	}
}

// TestFlags: flags are read from "#," lines, trimmed, and an entry is
// fuzzy when one of them is exactly "fuzzy".
func TestFlags(t *testing.T) {
	po := header + "#, c-format,fuzzy ,\n#. comment\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n\n" +
		"#, fuzzy-ish\nmsgctxt \"b\"\nmsgid \"x\"\nmsgstr \"y\"\n# next entry's comment\n#, fuzzy\nmsgctxt \"c\"\nmsgid \"x\"\nmsgstr \"y\"\n"
	_, es, err := ParsePO("f.po", []byte(po))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("%d entries", len(es))
	}
	if have := strings.Join(es[0].Flags, "|"); have != "c-format|fuzzy" || !es[0].Fuzzy() || strings.Join(es[0].Comments, "|") != "#. comment" {
		t.Errorf("entry a: %+v", es[0])
	}
	if es[1].Fuzzy() || len(es[1].Comments) != 0 {
		t.Errorf("entry b: %+v", es[1])
	}
	if !es[2].Fuzzy() || strings.Join(es[2].Comments, "|") != "# next entry's comment" || es[2].Line != 16 {
		t.Errorf("entry c: %+v", es[2])
	}
}
