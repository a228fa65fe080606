package article

import (
	"reflect"
	"strings"
	"testing"
)

// one is the single sentence of a one-line block.
func one(id, text string) []Sentence { return []Sentence{{ID: id, Text: text}} }

// sample is an article with every part: all metadata, an opening
// paragraph, two sections (the first with a lead paragraph and a list, the
// second with a plain paragraph) and a closing paragraph.
func sample() *Article {
	meta := func(k Kind, id, text string) *Block {
		return &Block{ID: id, Kind: k, Line: 1, Sentences: one(id, text)}
	}
	return &Article{
		Slug: "s", File: "zh.txt", Lang: "zh", Date: "2022-07-15",
		Title:      Block{ID: "title", Kind: KindTitle, Line: 2, Sentences: one("title", "标题")},
		Series:     meta(KindSeries, "series", "栏目"),
		Source:     meta(KindSource, "source", "杂志"),
		AuthorRole: meta(KindAuthorRole, "author-role", "书记"),
		AuthorName: meta(KindAuthorName, "author-name", "姓名"),
		Caption:    meta(KindCaption, "caption", "图"),
		Opening: []Block{{ID: "p1", Kind: KindParagraph, N: 1, Line: 5,
			Sentences: []Sentence{{ID: "p1.1", Text: "开头。"}, {ID: "p1.2", Text: "第二句。"}}}},
		Sections: []Section{
			{
				Heading: Block{ID: "s1", Kind: KindHeading, N: 1, Line: 7, Sentences: one("s1", "一")},
				Blocks: []Block{
					{ID: "p2", Kind: KindParagraph, N: 2, Line: 9, HasLead: true,
						Sentences: []Sentence{{ID: "p2.1", Text: "导语。"}, {ID: "p2.2", Text: "正文。"}, {ID: "p2.3", Text: "再一句。"}}},
					{ID: "p3", Kind: KindList, N: 3, Line: 11, Items: []Block{
						{ID: "p3-1", Kind: KindItem, N: 3, Line: 11, Sentences: one("p3-1.1", "一是甲；")},
						{ID: "p3-2", Kind: KindItem, N: 3, Line: 11,
							Sentences: []Sentence{{ID: "p3-2.1", Text: "二是乙。"}, {ID: "p3-2.2", Text: "乙二。"}}},
					}},
				},
			},
			{
				Heading: Block{ID: "s2", Kind: KindHeading, N: 2, Line: 13, Sentences: one("s2", "二")},
				Blocks:  []Block{{ID: "p4", Kind: KindParagraph, N: 4, Line: 15, Sentences: one("p4.1", "第四段。")}},
			},
		},
		Closing: []Block{{ID: "p5", Kind: KindParagraph, N: 5, Line: 17, Sentences: one("p5.1", "结尾。")}},
	}
}

func TestIDs(t *testing.T) {
	tests := []struct{ have, want string }{
		{SentenceID("p12", 3), "p12.3"},
		{SentenceID("p3-4", 1), "p3-4.1"},
		{ParagraphID(19), "p19"},
		{ItemID(3, 10), "p3-10"},
		{SectionID(4), "s4"},
	}
	for _, tt := range tests {
		if tt.have != tt.want {
			t.Errorf("have %q, want %q", tt.have, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		kind Kind
		want bool
	}{
		{KindTitle, true}, {KindSeries, true}, {KindAuthorRole, true}, {KindAuthorName, true},
		{KindSource, true}, {KindCaption, true}, {KindHeading, true},
		{KindParagraph, false}, {KindList, false}, {KindItem, false},
	}
	for _, tt := range tests {
		if have := OneLine(tt.kind); have != tt.want {
			t.Errorf("OneLine(%s) = %v, want %v", tt.kind, have, tt.want)
		}
	}
}

// TestBlockText: Text joins a block's own sentences, Lead is the first of
// them when the block has a lead, Rest what follows the lead, and Full adds
// a list's items.
func TestBlockText(t *testing.T) {
	a := sample()
	lead := a.Sections[0].Blocks[0]
	list := a.Sections[0].Blocks[1]
	tests := []struct {
		name                    string
		b                       Block
		sep                     string
		text, lead, rest, whole string
	}{
		{"no sentences", Block{Kind: KindParagraph}, " ", "", "", "", ""},
		{"one sentence", a.Title, " ", "标题", "", "标题", "标题"},
		{"two sentences, zh", a.Opening[0], "", "开头。第二句。", "", "开头。第二句。", "开头。第二句。"},
		{"two sentences, en", a.Opening[0], " ", "开头。 第二句。", "", "开头。 第二句。", "开头。 第二句。"},
		{"lead", lead, "|", "导语。|正文。|再一句。", "导语。", "正文。|再一句。", "导语。|正文。|再一句。"},
		{"lead alone", Block{Kind: KindParagraph, HasLead: true, Sentences: one("p1.1", "导语。")}, " ", "导语。", "导语。", "", "导语。"},
		{"list", list, "|", "", "", "", "一是甲；|二是乙。|乙二。"},
		{"item", list.Items[1], "|", "二是乙。|乙二。", "", "二是乙。|乙二。", "二是乙。|乙二。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b
			if have := b.Text(tt.sep); have != tt.text {
				t.Errorf("Text = %q, want %q", have, tt.text)
			}
			if have := b.Lead(); have != tt.lead {
				t.Errorf("Lead = %q, want %q", have, tt.lead)
			}
			if have := b.Rest(tt.sep); have != tt.rest {
				t.Errorf("Rest = %q, want %q", have, tt.rest)
			}
			if have := b.Full(tt.sep); have != tt.whole {
				t.Errorf("Full = %q, want %q", have, tt.whole)
			}
			if !reflect.DeepEqual(b, tt.b) {
				t.Errorf("the block changed: %+v", b)
			}
		})
	}
	// Lead does not trust the flag alone. (Rest does: the scraper sets
	// HasLead only on a paragraph of two sentences or more.)
	if have := (&Block{Kind: KindParagraph, HasLead: true}).Lead(); have != "" {
		t.Errorf("Lead of a block with the flag and no sentence = %q", have)
	}
}

func TestSep(t *testing.T) {
	for lang, want := range map[string]string{"zh": "", "en": " ", "": " "} {
		if have := (&Article{Lang: lang}).Sep(); have != want {
			t.Errorf("Sep(%q) = %q, want %q", lang, have, want)
		}
	}
}

// visit is one call of Walk's function.
type visit struct{ section, block string }

func walk(a *Article) []visit {
	var vs []visit
	a.Walk(func(s *Section, b *Block) {
		v := visit{block: b.ID}
		if s != nil {
			v.section = s.ID()
		}
		vs = append(vs, v)
	})
	return vs
}

// TestWalk: metadata first, in the order the page shows it, then the
// opening, each section's heading and blocks, and the closing; a list is
// visited once, not its items; optional parts that are absent are skipped.
func TestWalk(t *testing.T) {
	full := sample()
	bare := &Article{Title: Block{ID: "title"}, Sections: []Section{{Heading: Block{ID: "s1"}}}}
	tests := []struct {
		name string
		a    *Article
		want []visit
	}{
		{"every part", full, []visit{
			{"", "title"}, {"", "series"}, {"", "author-role"}, {"", "author-name"}, {"", "source"}, {"", "caption"},
			{"", "p1"}, {"s1", "s1"}, {"s1", "p2"}, {"s1", "p3"}, {"s2", "s2"}, {"s2", "p4"}, {"", "p5"}}},
		{"title and an empty section", bare, []visit{{"", "title"}, {"s1", "s1"}}},
		{"title only", &Article{Title: Block{ID: "title"}}, []visit{{"", "title"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if have := walk(tt.a); !reflect.DeepEqual(have, tt.want) {
				t.Errorf("Walk visits\n\t%v\nwant\n\t%v", have, tt.want)
			}
		})
	}
	// Walk hands out the article's own blocks, not copies.
	full.Walk(func(_ *Section, b *Block) { b.Line = -1 })
	if full.Title.Line != -1 || full.Caption.Line != -1 || full.Sections[1].Blocks[0].Line != -1 || full.Closing[0].Line != -1 {
		t.Error("Walk passed copies of the blocks")
	}
}

func TestMeta(t *testing.T) {
	a := sample()
	var ids []string
	for _, b := range a.Meta() {
		ids = append(ids, b.ID)
	}
	if have := strings.Join(ids, " "); have != "title series author-role author-name source caption" {
		t.Errorf("Meta = %s", have)
	}
	a.Series, a.AuthorRole, a.AuthorName, a.Caption = nil, nil, nil, nil
	if ms := a.Meta(); len(ms) != 2 || ms[0] != &a.Title || ms[1] != a.Source {
		t.Errorf("Meta without series, byline and caption = %v", ms)
	}
}

func TestParagraphs(t *testing.T) {
	var ids []string
	for _, b := range sample().Paragraphs() {
		ids = append(ids, b.ID)
	}
	// Headings are numbered too (N is the section number) but are not
	// paragraphs; metadata has N = 0.
	if have := strings.Join(ids, " "); have != "p1 p2 p3 p4 p5" {
		t.Errorf("Paragraphs = %s, want p1 p2 p3 p4 p5", have)
	}
	if ps := (&Article{Title: Block{ID: "title"}}).Paragraphs(); ps != nil {
		t.Errorf("Paragraphs of a bare article = %v", ps)
	}
}

// TestUnits lists every unit of the sample with all its fields.
func TestUnits(t *testing.T) {
	u := func(id, text string, kind Kind, line int, block, para string, lead bool, index int) Unit {
		return Unit{Sentence: Sentence{ID: id, Text: text}, Kind: kind, Line: line, Block: block, Para: para, Lead: lead, Index: index}
	}
	want := []Unit{
		u("title", "标题", KindTitle, 2, "title", "", false, 1),
		u("series", "栏目", KindSeries, 1, "series", "", false, 1),
		u("author-role", "书记", KindAuthorRole, 1, "author-role", "", false, 1),
		u("author-name", "姓名", KindAuthorName, 1, "author-name", "", false, 1),
		u("source", "杂志", KindSource, 1, "source", "", false, 1),
		u("caption", "图", KindCaption, 1, "caption", "", false, 1),
		u("p1.1", "开头。", KindParagraph, 5, "p1", "p1", false, 1),
		u("p1.2", "第二句。", KindParagraph, 5, "p1", "p1", false, 2),
		u("s1", "一", KindHeading, 7, "s1", "", false, 1),
		u("p2.1", "导语。", KindParagraph, 9, "p2", "p2", true, 1),
		u("p2.2", "正文。", KindParagraph, 9, "p2", "p2", false, 2),
		u("p2.3", "再一句。", KindParagraph, 9, "p2", "p2", false, 3),
		u("p3-1.1", "一是甲；", KindItem, 11, "p3-1", "p3", false, 1),
		u("p3-2.1", "二是乙。", KindItem, 11, "p3-2", "p3", false, 1),
		u("p3-2.2", "乙二。", KindItem, 11, "p3-2", "p3", false, 2),
		u("s2", "二", KindHeading, 13, "s2", "", false, 1),
		u("p4.1", "第四段。", KindParagraph, 15, "p4", "p4", false, 1),
		u("p5.1", "结尾。", KindParagraph, 17, "p5", "p5", false, 1),
	}
	have := sample().Units()
	if len(have) != len(want) {
		t.Fatalf("%d units, want %d: %+v", len(have), len(want), have)
	}
	for i := range want {
		if have[i] != want[i] {
			t.Errorf("unit %d\n\t%+v\nwant\n\t%+v", i, have[i], want[i])
		}
	}
}

// normal returns a with every empty slice made nil, so that models compare
// by what they hold: no code tells a nil slice from an empty one.
func normal(a *Article) *Article {
	var block func(b *Block)
	block = func(b *Block) {
		if len(b.Sentences) == 0 {
			b.Sentences = nil
		}
		if len(b.Items) == 0 {
			b.Items = nil
		}
		for i := range b.Items {
			block(&b.Items[i])
		}
	}
	a.Walk(func(_ *Section, b *Block) { block(b) })
	if len(a.Opening) == 0 {
		a.Opening = nil
	}
	if len(a.Sections) == 0 {
		a.Sections = nil
	}
	if len(a.Closing) == 0 {
		a.Closing = nil
	}
	return a
}

// english is the sample's translation: the sentence id in brackets.
func english(u Unit) (string, bool) { return "[" + u.ID + "]", true }

// TestTranslated: every sentence goes through tr with its unit, the copy
// keeps the shape, ids, kinds, numbers and lines, and missing translations
// mark the sentence, its block and an item's list pending.
func TestTranslated(t *testing.T) {
	tests := []struct {
		name    string
		missing []string // unit ids tr has no translation for
		pending []string // blocks (and items) marked pending
	}{
		{"complete", nil, nil},
		{"a metadata block", []string{"caption"}, []string{"caption"}},
		{"a heading", []string{"s2"}, []string{"s2"}},
		{"one sentence of a paragraph", []string{"p2.2"}, []string{"p2"}},
		{"an item's second sentence", []string{"p3-2.2"}, []string{"p3", "p3-2"}},
		{"the title and the closing", []string{"title", "p5.1"}, []string{"title", "p5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			zh := sample()
			seen := map[string]Unit{}
			en := zh.Translated("en", func(u Unit) (string, bool) {
				seen[u.ID] = u
				for _, m := range tt.missing {
					if u.ID == m {
						return "", false
					}
				}
				return english(u)
			})
			// tr saw each unit as Units describes it.
			for _, u := range zh.Units() {
				if seen[u.ID] != u {
					t.Errorf("tr got %+v for %s, want %+v", seen[u.ID], u.ID, u)
				}
			}
			if len(seen) != len(zh.Units()) {
				t.Errorf("tr called for %d units, want %d", len(seen), len(zh.Units()))
			}
			want := sample()
			want.Lang = "en"
			missing := map[string]bool{}
			for _, m := range tt.missing {
				missing[m] = true
			}
			pending := map[string]bool{}
			for _, p := range tt.pending {
				pending[p] = true
			}
			var fix func(b *Block)
			fix = func(b *Block) {
				for i := range b.Sentences {
					s := &b.Sentences[i]
					if missing[s.ID] {
						s.Pending = true
					} else {
						s.Text = "[" + s.ID + "]"
					}
				}
				b.Pending = pending[b.ID]
				for i := range b.Items {
					fix(&b.Items[i])
				}
			}
			want.Walk(func(_ *Section, b *Block) { fix(b) })
			if !reflect.DeepEqual(normal(en), want) {
				t.Errorf("Translated\n\t%+v\nwant\n\t%+v", en, want)
			}
			if !reflect.DeepEqual(zh, sample()) {
				t.Error("Translated changed the original")
			}
		})
	}
}

// TestTranslatedCopies: the translation shares no block, sentence or item
// with the original, and keeps absent parts absent.
func TestTranslatedCopies(t *testing.T) {
	zh := sample()
	en := zh.Translated("en", english)
	en.Walk(func(_ *Section, b *Block) {
		b.Line = -1
		for i := range b.Sentences {
			b.Sentences[i].Text = "changed"
		}
		for i := range b.Items {
			b.Items[i].Sentences[0].Text = "changed"
		}
	})
	if !reflect.DeepEqual(zh, sample()) {
		t.Errorf("changing the translation changed the original: %+v", zh)
	}

	bare := &Article{Slug: "b", Lang: "zh", Title: Block{ID: "title", Kind: KindTitle, Sentences: one("title", "标题")}}
	have := bare.Translated("en", english)
	want := &Article{Slug: "b", Lang: "en", Title: Block{ID: "title", Kind: KindTitle, Sentences: one("title", "[title]")}}
	if !reflect.DeepEqual(normal(have), want) {
		t.Errorf("bare article translated\n\t%+v\nwant\n\t%+v", have, want)
	}
}
