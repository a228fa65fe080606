package glossary

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"policysite/tools/article"
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
		{"blank rendering in also", term(func(s string) string { return s + "also = [\"Two Firsts goal\", \" \"]\n" }),
			`g.toml:1: term 1 ("two-firsts"): also has a blank rendering`},
		{"no id: named by its Chinese", term(func(s string) string { return strings.Replace(s, "id = \"two-firsts\"\n", "", 1) }),
			`g.toml:1: term 1 ("两个先行"): id is missing or blank: expected id, zh, pinyin, en, kind, note_en and note_zh`},
		{"padded note", term(func(s string) string { return strings.Replace(s, `"浙江的目标。"`, `"浙江的目标。 "`, 1) }),
			`g.toml:1: term 1 ("two-firsts"): note_zh "浙江的目标。 " starts or ends with white space`},
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
	g, err := Parse("g.toml", []byte(okTerm+"also = [\"Two Firsts goal\", \"Two Pioneers\"]\n"))
	if err != nil || len(g.Terms) != 1 || g.Terms[0].Line() != 1 || strings.Join(g.Terms[0].Also, "|") != "Two Firsts goal|Two Pioneers" {
		t.Errorf("good term: %v %+v", err, g)
	}
}

// TestTermLines: each term knows the line of its [[term]] header, however
// the header is spaced; when the headers cannot be told apart from the
// terms (an inline array of tables), no term claims a line.
func TestTermLines(t *testing.T) {
	second := strings.Replace(strings.ReplaceAll(okTerm, "two-firsts", "b"), "两个先行", "乙", 1)
	g, err := Parse("g.toml", []byte("# glossary\n\n"+okTerm+"\n  [[ term ]]"+strings.TrimPrefix(second, "[[term]]")))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 2 || g.Terms[0].Line() != 3 || g.Terms[1].Line() != 13 {
		t.Errorf("lines %d, %d; want 3, 13", g.Terms[0].Line(), g.Terms[1].Line())
	}
	g, err = Parse("g.toml", []byte(`term = [{id = "a", zh = "甲", pinyin = "jiǎ", en = "A", note_en = "A.", note_zh = "甲。", kind = "concept", coined = "Literal."}]`))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 1 || g.Terms[0].Line() != 0 {
		t.Errorf("inline table: %+v", g.Terms)
	}
}

// TestOccurrences: In lists the terms a Chinese text contains in glossary
// order; Occurrences lists, for each term, the blocks that contain it in
// reading order, a list's items on their own and never the list itself.
func TestOccurrences(t *testing.T) {
	g := &Glossary{Terms: []Term{{ID: "port", ZH: "强港"}, {ID: "two-firsts", ZH: "两个先行"}, {ID: "unused", ZH: "没有"}}}
	if have := g.In("两个先行与强港"); !reflect.DeepEqual(have, []string{"port", "two-firsts"}) {
		t.Errorf("In = %v", have)
	}
	if have := g.In("别的"); have != nil {
		t.Errorf("In without a term = %v", have)
	}
	s := func(id, text string) []article.Sentence { return []article.Sentence{{ID: id, Text: text}} }
	a := &article.Article{
		Title: article.Block{ID: "title", Kind: article.KindTitle, Sentences: s("title", "两个先行")},
		Opening: []article.Block{{ID: "p1", Kind: article.KindParagraph, N: 1,
			Sentences: []article.Sentence{{ID: "p1.1", Text: "建设"}, {ID: "p1.2", Text: "强港。"}}}},
		Sections: []article.Section{{
			Heading: article.Block{ID: "s1", Kind: article.KindHeading, N: 1, Sentences: s("s1", "强港")},
			Blocks: []article.Block{{ID: "p2", Kind: article.KindList, N: 2, Items: []article.Block{
				{ID: "p2-1", Kind: article.KindItem, Sentences: s("p2-1.1", "一是两个先行；")},
				{ID: "p2-2", Kind: article.KindItem, Sentences: s("p2-2.1", "二是别的。")},
				{ID: "p2-3", Kind: article.KindItem, Sentences: s("p2-3.1", "三是强港和两个先行。")},
			}}},
		}},
	}
	want := map[string][]string{
		"two-firsts": {"title", "p2-1", "p2-3"},
		"port":       {"p1", "s1", "p2-3"},
	}
	if have := g.Occurrences(a); !reflect.DeepEqual(have, want) {
		t.Errorf("Occurrences = %v, want %v", have, want)
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
