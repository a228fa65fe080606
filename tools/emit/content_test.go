package emit

import (
	"strings"
	"testing"

	"policysite/tools/article"
)

// full is an article with every part, for the front matter: metadata, an
// opening paragraph, two sections, and (in the translation) a pending
// caption, a pending heading and a pending paragraph in the second section.
func full() (*article.Article, *article.Article) {
	one := func(k article.Kind, id, text string) *article.Block {
		return &article.Block{ID: id, Kind: k, Sentences: []article.Sentence{{ID: id, Text: text}}}
	}
	para := func(n int, texts ...string) article.Block {
		b := article.Block{ID: article.ParagraphID(n), Kind: article.KindParagraph, N: n}
		for k, s := range texts {
			b.Sentences = append(b.Sentences, article.Sentence{ID: article.SentenceID(b.ID, k+1), Text: s})
		}
		return b
	}
	zh := &article.Article{Slug: "a", File: "source/a/zh.txt", Lang: "zh", Date: "2022-07-15",
		Title:      *one(article.KindTitle, "title", "标题"),
		Series:     one(article.KindSeries, "series", "栏目"),
		Source:     one(article.KindSource, "source", "《今日浙江》杂志"),
		AuthorRole: one(article.KindAuthorRole, "author-role", "书记"),
		AuthorName: one(article.KindAuthorName, "author-name", "姓名"),
		Caption:    one(article.KindCaption, "caption", "港湾"),
		Opening:    []article.Block{para(1, "开头。", "第二句。")},
		Sections: []article.Section{
			{Heading: *one(article.KindHeading, "s1", "一"), Blocks: []article.Block{para(2, "甲。")}},
			{Heading: *one(article.KindHeading, "s2", "二"), Blocks: []article.Block{para(3, "乙。"), para(4, "丙。")}},
		},
	}
	zh.Sections[0].Heading.N, zh.Sections[1].Heading.N = 1, 2
	tr := map[string]string{"title": "Title", "series": "Column", "source": "Zhejiang Today", "author-role": "Secretary",
		"author-name": "Name", "p1.1": "Opening.", "p1.2": "Second.", "s1": "One", "p2.1": "A.", "p4.1": "C."}
	en := zh.Translated("en", func(u article.Unit) (string, bool) { s, ok := tr[u.ID]; return s, ok })
	return zh, en
}

// TestContent compares every content file of both versions of an article
// with the bytes Hugo must read.
func TestContent(t *testing.T) {
	zh, en := full()
	want := map[string]string{
		"content/zh/a/_index.md": `+++
title = '标题'
date = 2022-07-15
translationKey = 'a'
description = '开头。第二句。'

[params]
kind = 'article'
article = 'a'
series = '栏目'
source = '《今日浙江》杂志'
publication = '今日浙江'
caption = '港湾'

[params.author]
role = '书记'
name = '姓名'
+++
`,
		"content/zh/a/section-1.md": `+++
title = '一'
date = 2022-07-15
weight = 1
translationKey = 'a/s1'

[params]
kind = 'section'
article = 'a'
section = 's1'
+++
`,
		"content/zh/a/section-2.md": `+++
title = '二'
date = 2022-07-15
weight = 2
translationKey = 'a/s2'

[params]
kind = 'section'
article = 'a'
section = 's2'
+++
`,
		"content/zh/a/parallel.md": `+++
title = '标题'
date = 2022-07-15
weight = 3
translationKey = 'a/parallel'
layout = 'parallel'

[params]
kind = 'parallel'
article = 'a'
+++
`,
		"content/en/a/_index.md": `+++
title = 'Title'
date = 2022-07-15
translationKey = 'a'
description = 'Opening. Second.'

[params]
kind = 'article'
article = 'a'
series = 'Column'
source = 'Zhejiang Today'
publication = 'Zhejiang Today'
caption = '港湾'
pending = ['caption', 's2', 'p3']

[params.author]
role = 'Secretary'
name = 'Name'
+++
`,
		"content/en/a/section-1.md": `+++
title = 'One'
date = 2022-07-15
weight = 1
translationKey = 'a/s1'

[params]
kind = 'section'
article = 'a'
section = 's1'
+++
`,
		"content/en/a/section-2.md": `+++
title = '二'
date = 2022-07-15
weight = 2
translationKey = 'a/s2'

[params]
kind = 'section'
article = 'a'
section = 's2'
pending = ['s2', 'p3']
+++
`,
		"content/en/a/parallel.md": `+++
title = 'Title'
date = 2022-07-15
weight = 3
translationKey = 'a/parallel'
layout = 'parallel'

[params]
kind = 'parallel'
article = 'a'
+++
`,
	}
	var order []string
	for _, a := range []*article.Article{zh, en} {
		files, err := Content(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			order = append(order, f.Path)
			if string(f.Data) != want[f.Path] {
				t.Errorf("%s:\n%s\nwant\n%s", f.Path, f.Data, want[f.Path])
			}
		}
	}
	if have := strings.Join(order, " "); have != "content/zh/a/_index.md content/zh/a/section-1.md content/zh/a/section-2.md content/zh/a/parallel.md "+
		"content/en/a/_index.md content/en/a/section-1.md content/en/a/section-2.md content/en/a/parallel.md" {
		t.Errorf("files %s", have)
	}
}

// TestContentBare: an article with a title, a date and nothing else has an
// article page and a parallel page, and no optional parameter.
func TestContentBare(t *testing.T) {
	a := &article.Article{Slug: "b", Lang: "zh", Date: "2099-01-01",
		Title: article.Block{ID: "title", Kind: article.KindTitle, Sentences: []article.Sentence{{ID: "title", Text: "标题"}}}}
	files, err := Content(a)
	if err != nil {
		t.Fatal(err)
	}
	want := []File{
		{"content/zh/b/_index.md", []byte("+++\ntitle = '标题'\ndate = 2099-01-01\ntranslationKey = 'b'\n\n[params]\nkind = 'article'\narticle = 'b'\n+++\n")},
		{"content/zh/b/parallel.md", []byte("+++\ntitle = '标题'\ndate = 2099-01-01\nweight = 1\ntranslationKey = 'b/parallel'\nlayout = 'parallel'\n\n[params]\nkind = 'parallel'\narticle = 'b'\n+++\n")},
	}
	if len(files) != len(want) {
		t.Fatalf("%d files, want %d", len(files), len(want))
	}
	for i := range want {
		if files[i].Path != want[i].Path || string(files[i].Data) != string(want[i].Data) {
			t.Errorf("%s:\n%s\nwant %s:\n%s", files[i].Path, files[i].Data, want[i].Path, want[i].Data)
		}
	}
}

// TestContentAuthor: a byline with only one of its parts still gives the
// author table, with the other part left out.
func TestContentAuthor(t *testing.T) {
	for _, tt := range []struct {
		role, name bool
		want       string
	}{
		{true, false, "\n[params.author]\nrole = '书记'\n+++\n"},
		{false, true, "\n[params.author]\nname = '姓名'\n+++\n"},
	} {
		zh, _ := full()
		if !tt.role {
			zh.AuthorRole = nil
		}
		if !tt.name {
			zh.AuthorName = nil
		}
		files, err := Content(zh)
		if err != nil {
			t.Fatal(err)
		}
		if have := string(files[0].Data); !strings.HasSuffix(have, tt.want) {
			t.Errorf("role %v, name %v:\n%s\nwant it to end with%s", tt.role, tt.name, have, tt.want)
		}
	}
}

func TestContentBadDate(t *testing.T) {
	for _, date := range []string{"", "2022-13-45", "15.07.2022"} {
		zh, _ := full()
		zh.Date = date
		files, err := Content(zh)
		if want := `source/a/zh.txt: date "` + date + `": `; err == nil || !strings.HasPrefix(err.Error(), want) || files != nil {
			t.Errorf("date %q: %v, %d files; want an error starting %s", date, err, len(files), want)
		}
	}
}

// TestSummary: the description is the first paragraph, cut after the last
// sentence that keeps it within 400 characters; a first sentence longer
// than that is kept whole; a list gives all its items.
func TestSummary(t *testing.T) {
	run := func(n int) string { return strings.Repeat("字", n-1) + "。" }
	para := func(texts ...string) article.Block {
		b := article.Block{ID: "p1", Kind: article.KindParagraph, N: 1}
		for k, s := range texts {
			b.Sentences = append(b.Sentences, article.Sentence{ID: article.SentenceID("p1", k+1), Text: s})
		}
		return b
	}
	list := article.Block{ID: "p1", Kind: article.KindList, N: 1, Items: []article.Block{
		{ID: "p1-1", Kind: article.KindItem, N: 1, Sentences: []article.Sentence{{ID: "p1-1.1", Text: "一是甲；"}}},
		{ID: "p1-2", Kind: article.KindItem, N: 1, Sentences: []article.Sentence{{ID: "p1-2.1", Text: "二是乙。"}}},
	}}
	tests := []struct {
		name     string
		lang     string
		opening  []article.Block
		sections []article.Block
		want     string
	}{
		{"no paragraph", "zh", nil, nil, ""},
		{"one sentence", "zh", []article.Block{para("甲。")}, nil, "甲。"},
		{"the opening's first paragraph", "zh", []article.Block{para("甲。", "乙。"), para("丙。")}, nil, "甲。乙。"},
		{"else the body's", "zh", nil, []article.Block{para("丁。")}, "丁。"},
		{"English sentences are spaced", "en", []article.Block{para("One.", "Two.")}, nil, "One. Two."},
		{"exactly 400", "zh", []article.Block{para(run(200), run(150), run(50), "多。")}, nil, run(200) + run(150) + run(50)},
		{"401 is cut", "zh", []article.Block{para(run(200), run(201))}, nil, run(200)},
		{"a long first sentence is kept", "zh", []article.Block{para(run(401), "后。")}, nil, run(401)},
		{"a list", "zh", []article.Block{list}, nil, "一是甲；二是乙。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{Lang: tt.lang, Opening: tt.opening}
			if tt.sections != nil {
				a.Sections = []article.Section{{Heading: article.Block{ID: "s1", Kind: article.KindHeading, N: 1}, Blocks: tt.sections}}
			}
			if have := summary(a); have != tt.want {
				t.Errorf("summary = %q (%d runes), want %q", have, len([]rune(have)), tt.want)
			}
		})
	}
}

func TestPublication(t *testing.T) {
	src := func(lang, text string) *article.Article {
		return &article.Article{Lang: lang, Source: &article.Block{ID: "source", Kind: article.KindSource,
			Sentences: []article.Sentence{{ID: "source", Text: text}}}}
	}
	tests := []struct {
		a    *article.Article
		want string
	}{
		{&article.Article{Lang: "zh"}, ""},
		{src("zh", "《今日浙江》杂志"), "今日浙江"},
		{src("zh", "舟山日报"), "舟山日报"},
		{src("en", "Zhejiang Today magazine"), "Zhejiang Today magazine"},
		{src("en", "《今日浙江》杂志"), "《今日浙江》杂志"}, // a pending English source stays as it is
	}
	for _, tt := range tests {
		if have := Publication(tt.a); have != tt.want {
			t.Errorf("Publication(%s %+v) = %q, want %q", tt.a.Lang, tt.a.Source, have, tt.want)
		}
	}
}

func TestHTMLLang(t *testing.T) {
	for lang, want := range map[string]string{"zh": "zh-Hans", "en": "en"} {
		if have := HTMLLang(lang); have != want {
			t.Errorf("HTMLLang(%s) = %s, want %s", lang, have, want)
		}
	}
}

// TestContentTitleSentences: a title or heading of several sentences is
// joined as its language joins sentences, as in the article data (the
// text the reader, the parallel page and search show): no space in
// Chinese, one in English.
func TestContentTitleSentences(t *testing.T) {
	two := func(id string, kind article.Kind, a, b string) article.Block {
		return article.Block{ID: id, Kind: kind, Sentences: []article.Sentence{{ID: id + ".1", Text: a}, {ID: id + ".2", Text: b}}}
	}
	for _, c := range []struct {
		lang, a, b, want string
	}{
		{"zh", "为什么？", "答案。", "为什么？答案。"},
		{"en", "Why?", "The answer.", "Why? The answer."},
	} {
		a := &article.Article{Slug: "t", Lang: c.lang, Date: "2099-01-01", Title: two("title", article.KindTitle, c.a, c.b),
			Sections: []article.Section{{Heading: two("s1", article.KindHeading, c.a, c.b)}}}
		files, err := Content(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if want := "title = '" + c.want + "'\n"; !strings.Contains(string(f.Data), want) {
				t.Errorf("%s: %s\nwant %q", f.Path, f.Data, want)
			}
		}
	}
}
