package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const okTerm = `[[term]]
id = "two-firsts"
zh = "两个先行"
pinyin = "liǎng gè xiānxíng"
en = "Two Firsts"
note_en = "Zhejiang’s goal."
note_zh = "浙江的目标。"
kind = "slogan"
attested = "Zhejiang Provincial Government English site, 2022"
`

func term(edit func(string) string) string { return edit(okTerm) }

// TestParseErrors: every bad glossary gets its exact message.
func TestParseErrors(t *testing.T) {
	second := strings.ReplaceAll(okTerm, "two-firsts", "other")
	tests := []struct{ name, toml, want string }{
		{"id with spaces", term(func(s string) string { return strings.Replace(s, `"two-firsts"`, `"two firsts"`, 1) }),
			`g.toml:1: term 1 ("two firsts"): id "two firsts" is not a lowercase slug: expected lowercase letters, digits and single hyphens (two-firsts)`},
		{"id with markup", term(func(s string) string { return strings.Replace(s, `"two-firsts"`, `"a)<b>"`, 1) }),
			`g.toml:1: term 1 ("a)<b>"): id "a)<b>" is not a lowercase slug: expected lowercase letters, digits and single hyphens (two-firsts)`},
		{"blank en", term(func(s string) string { return strings.Replace(s, `"Two Firsts"`, `"  "`, 1) }),
			`g.toml:1: term 1 ("two-firsts"): en is missing or blank: expected id, zh, pinyin, en, kind, note_en and note_zh`},
		{"no pinyin", term(func(s string) string { return strings.Replace(s, "pinyin = \"liǎng gè xiānxíng\"\n", "", 1) }),
			`g.toml:1: term 1 ("two-firsts"): pinyin is missing or blank: expected id, zh, pinyin, en, kind, note_en and note_zh`},
		{"unknown kind", term(func(s string) string { return strings.Replace(s, `"slogan"`, `"motto"`, 1) }),
			`g.toml:1: term 1 ("two-firsts"): kind "motto": expected one of concept, event, formula, institution, place, programme, slogan`},
		{"neither attested nor coined", term(func(s string) string { return strings.Replace(s, "attested", "# attested", 1) }),
			`g.toml:1: term 1 ("two-firsts"): expected exactly one of attested (where the English rendering is used: publication or site, year) and coined (why we chose it)`},
		{"both attested and coined", okTerm + "coined = \"because\"\n",
			`g.toml:1: term 1 ("two-firsts"): expected exactly one of attested (where the English rendering is used: publication or site, year) and coined (why we chose it)`},
		{"duplicate id", okTerm + "\n" + strings.Replace(okTerm, "两个先行", "两个", 1),
			`g.toml:11: term 2 ("two-firsts"): id "two-firsts" is used twice (the first is term 1)`},
		{"duplicate zh", okTerm + "\n" + second,
			`g.toml:11: term 2 ("other"): Chinese term "两个先行" occurs twice (the first is term 1): expected one entry per term`},
		{"unknown field", okTerm + "colour = \"red\"\n",
			`g.toml:10:1: unknown field term.colour: expected one of id, zh, pinyin, en, also, note_en, note_zh, kind, attested, coined`},
		{"TOML syntax", okTerm + "en = \n",
			`g.toml:10:6: toml: unexpected character U+000A at start of value`},
		{"control character", okTerm + "# \x07\n", `g.toml:10:3: control character U+0007: expected text (delete the character)`},
		{"UTF-16", "\xff\xfe[\x00[\x00", `g.toml: file is UTF-16 text: expected UTF-8 (save it as "UTF-8" in the editor)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("g.toml", []byte(tt.toml))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n\t%v\nwant\n\t%s", err, tt.want)
			}
		})
	}
	if _, err := Parse("g.toml", []byte(okTerm+"\n"+second)); err == nil || !strings.Contains(err.Error(), "occurs twice") {
		t.Errorf("two terms: %v", err)
	}
	g, err := Parse("g.toml", []byte(okTerm))
	if err != nil || len(g.Terms) != 1 || g.Terms[0].Line() != 1 {
		t.Errorf("good term: %v %+v", err, g)
	}
}

// TestLoadMissing: a missing glossary file is an error, not an empty
// glossary (which would silently strip every glossary link).
func TestLoadMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "glossary.toml")
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "no glossary file") {
		t.Errorf("Load(missing) = %v", err)
	}
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if g, err := Load(p); err != nil || len(g.Terms) != 0 {
		t.Errorf("Load(empty) = %+v, %v", g, err)
	}
}

// FuzzParse: any input gives a glossary whose terms all pass validation,
// or an error naming the file; never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(okTerm))
	f.Add([]byte(okTerm + "\n" + strings.ReplaceAll(okTerm, "two-firsts", "b")))
	f.Add([]byte("[[term]]\nid = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := Parse("f.toml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.toml") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		ids := map[string]bool{}
		for _, term := range g.Terms {
			if !idPattern.MatchString(term.ID) || term.ZH == "" || term.EN == "" || ids[term.ID] {
				t.Fatalf("invalid term accepted: %+v", term)
			}
			ids[term.ID] = true
		}
	})
}
