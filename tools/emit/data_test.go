package emit

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"policysite/tools/article"
	"policysite/tools/glossary"
)

// TestAligned checks the aligned data of an article with every part, block
// by block: ids, kinds, numbers, sections, parents, texts in both
// languages, leads, pending marks, and the article's sections, pending list
// and term index.
func TestAligned(t *testing.T) {
	zh, en := full()
	zh.Sections[0].Blocks[0].Line = 9
	g := &glossary.Glossary{Terms: []glossary.Term{{ID: "one", ZH: "一", EN: "One"}, {ID: "b", ZH: "乙", EN: "B"}}}
	d := Aligned(zh, en, "source/a/zh.txt", g)
	type row struct {
		id, kind       string
		n              int
		section, paren string
		line           int
		zh, en         string
		pending        bool
		terms          string
		html           bool
	}
	want := []row{
		{"title", "title", 0, "", "", 0, "标题", "Title", false, "", false},
		{"series", "series", 0, "", "", 0, "栏目", "Column", false, "", false},
		{"author-role", "author-role", 0, "", "", 0, "书记", "Secretary", false, "", false},
		{"author-name", "author-name", 0, "", "", 0, "姓名", "Name", false, "", false},
		{"source", "source", 0, "", "", 0, "《今日浙江》杂志", "Zhejiang Today", false, "", false},
		{"caption", "caption", 0, "", "", 0, "港湾", "港湾", true, "", false},
		{"p1", "paragraph", 1, "", "", 0, "开头。第二句。", "Opening. Second.", false, "", true},
		{"s1", "heading", 1, "s1", "", 0, "一", "One", false, "one", false},
		{"p2", "paragraph", 2, "s1", "", 9, "甲。", "A.", false, "", true},
		{"s2", "heading", 2, "s2", "", 0, "二", "二", true, "", false},
		{"p3", "paragraph", 3, "s2", "", 0, "乙。", "乙。", true, "b", true},
		{"p4", "paragraph", 4, "s2", "", 0, "丙。", "C.", false, "", true},
	}
	if len(d.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d", len(d.Blocks), len(want))
	}
	for i, w := range want {
		b := d.Blocks[i]
		have := row{b.ID, b.Kind, b.N, b.Section, b.Parent, b.Line, b.Text.ZH, b.Text.EN, b.Pending, strings.Join(b.Terms, " "), b.HTML != nil}
		if have != w {
			t.Errorf("block %d\n\t%+v\nwant\n\t%+v", i, have, w)
		}
		if b.Lead != nil {
			t.Errorf("%s has a lead", b.ID)
		}
	}
	if have := d.Blocks[10].Sentences; !reflect.DeepEqual(have, []DataSentence{{ID: "p3.1", ZH: "乙。", EN: "乙。", Pending: true}}) {
		t.Errorf("p3's sentences %+v", have)
	}
	if have, want := d.Sections, []DataSection{
		{ID: "s1", N: 1, Heading: Pair{"一", "One"}, Page: "section-1"},
		{ID: "s2", N: 2, Heading: Pair{"二", "二"}, Page: "section-2"},
	}; !reflect.DeepEqual(have, want) {
		t.Errorf("sections\n\t%+v\nwant\n\t%+v", have, want)
	}
	if have := strings.Join(d.Pending, " "); have != "caption s2 p3" {
		t.Errorf("pending %s, want caption s2 p3", have)
	}
	if want := map[string][]string{"one": {"s1"}, "b": {"p3"}}; !reflect.DeepEqual(d.Terms, want) {
		t.Errorf("terms %v, want %v", d.Terms, want)
	}
	if d.Slug != "a" || d.Date != "2022-07-15" || d.Source != "source/a/zh.txt" {
		t.Errorf("data %s %s %s", d.Slug, d.Date, d.Source)
	}
	if f := ArticleData(d); f.Path != "data/articles/a.json" || !json.Valid(f.Data) || strings.Contains(string(f.Data), `\u003c`) {
		t.Errorf("ArticleData: %s %.80s", f.Path, f.Data)
	}
}

// TestPendingHoldsNoTerm: a pending sentence of the translation shows the
// Chinese and takes no glossary link; the term's first occurrence in that
// part of the page is then the next one in English.
func TestPendingHoldsNoTerm(t *testing.T) {
	s := func(id, text string) article.Sentence { return article.Sentence{ID: id, Text: text} }
	zh := &article.Article{Slug: "a", Lang: "zh", Date: "2022-07-15",
		Title: article.Block{ID: "title", Kind: article.KindTitle, Sentences: []article.Sentence{s("title", "标题")}},
		Opening: []article.Block{{ID: "p1", Kind: article.KindParagraph, N: 1, Sentences: []article.Sentence{
			s("p1.1", "建设“5G”网络。"), s("p1.2", "推进5G。")}}},
	}
	en := zh.Translated("en", func(u article.Unit) (string, bool) {
		if u.ID == "p1.2" {
			return "Roll out 5G.", true
		}
		return "", false
	})
	g := &glossary.Glossary{Terms: []glossary.Term{{ID: "5g", ZH: "5G", EN: "5G"}}}
	d := Aligned(zh, en, "zh.txt", g)
	p1 := d.Blocks[1]
	want := `<span id="p1.1" lang="zh-Hans" class="pending">建设“5G”网络。</span> <span id="p1.2">Roll out <a class="term" href="{glossary}#5g">5G</a>.</span>`
	if p1.HTML.EN != want {
		t.Errorf("English HTML\n\t%s\nwant\n\t%s", p1.HTML.EN, want)
	}
	if want := `<span id="p1.1">建设“<a class="term" href="{glossary}#5g">5G</a>”网络。</span><span id="p1.2">推进5G。</span>`; p1.HTML.ZH != want {
		t.Errorf("Chinese HTML\n\t%s\nwant\n\t%s", p1.HTML.ZH, want)
	}
}

// TestTermIndex: for each term, the number of articles it occurs in and the
// newest ten of them (by date, then slug), each with its blocks and the
// section page each block is read on.
func TestTermIndex(t *testing.T) {
	var all []*Data
	for i := 1; i <= 12; i++ {
		d := &Data{Slug: fmt.Sprintf("a%02d", i), Date: fmt.Sprintf("2022-01-%02d", i),
			Sections: []DataSection{{ID: "s1", Page: "section-1"}, {ID: "s2", Page: "section-2"}},
			Blocks:   []DataBlock{{ID: "p1"}, {ID: "s1", Section: "s1"}, {ID: "p2", Section: "s1"}, {ID: "p3-1", Section: "s2"}},
			Terms:    map[string][]string{"every": {"p1", "p2"}},
		}
		if i <= 3 {
			d.Terms["early"] = []string{"p3-1"}
		}
		all = append(all, d)
	}
	// One more article on the newest date: slugs break the tie.
	all = append(all, &Data{Slug: "a00", Date: "2022-01-12", Terms: map[string][]string{"every": {"p1"}, "early": {"p1"}}})
	f := TermIndex(all)
	if f.Path != "data/articles/_terms.json" {
		t.Errorf("path %s", f.Path)
	}
	var index map[string]TermUses
	if err := json.Unmarshal(f.Data, &index); err != nil {
		t.Fatal(err)
	}
	var every []string
	for _, in := range index["every"].Articles {
		every = append(every, in.Slug)
		want := [][2]string{{"p1", ""}, {"p2", "section-1"}}
		if in.Slug == "a00" {
			want = [][2]string{{"p1", ""}}
		}
		if !reflect.DeepEqual(in.Blocks, want) {
			t.Errorf("every in %s: %v, want %v", in.Slug, in.Blocks, want)
		}
	}
	if have := strings.Join(every, " "); index["every"].Count != 13 || have != "a00 a12 a11 a10 a09 a08 a07 a06 a05 a04" {
		t.Errorf("every: count %d, articles %s", index["every"].Count, have)
	}
	want := TermUses{Count: 4, Articles: []TermUsesIn{
		{Slug: "a00", Blocks: [][2]string{{"p1", ""}}},
		{Slug: "a03", Blocks: [][2]string{{"p3-1", "section-2"}}},
		{Slug: "a02", Blocks: [][2]string{{"p3-1", "section-2"}}},
		{Slug: "a01", Blocks: [][2]string{{"p3-1", "section-2"}}},
	}}
	if !reflect.DeepEqual(index["early"], want) {
		t.Errorf("early: %+v\nwant %+v", index["early"], want)
	}
	if len(index) != 2 {
		t.Errorf("%d terms, want 2", len(index))
	}
	if empty := TermIndex(nil); string(empty.Data) != "{}\n" {
		t.Errorf("no article: %q", empty.Data)
	}
}
