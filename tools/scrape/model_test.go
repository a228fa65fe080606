package scrape

import (
	"fmt"
	"strings"
	"testing"

	"policysite/tools/article"
)

// dump lists an article's blocks one per line: where each stands (the
// section, or "-"), id, kind, ¶ or section number, source line, "lead"
// when it has one, and its sentences as id=text; a list's items follow it,
// indented.
func dump(a *article.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "date %s\n", a.Date)
	var block func(indent, sec string, bl *article.Block)
	block = func(indent, sec string, bl *article.Block) {
		fmt.Fprintf(&b, "%s%s %s %s %d %d", indent, sec, bl.ID, bl.Kind, bl.N, bl.Line)
		if bl.HasLead {
			b.WriteString(" lead")
		}
		for _, s := range bl.Sentences {
			fmt.Fprintf(&b, " %s=%s", s.ID, s.Text)
		}
		b.WriteString("\n")
		for i := range bl.Items {
			block(indent+"  ", sec, &bl.Items[i])
		}
	}
	a.Walk(func(s *article.Section, bl *article.Block) {
		sec := "-"
		if s != nil {
			sec = s.ID()
		}
		block("", sec, bl)
	})
	return b.String()
}

// TestParseModel parses small articles and compares the whole model: the
// ids, kinds, numbers and lines of every block, the leads, the sentences,
// where the opening, the sections and the closing begin and end.
func TestParseModel(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"every part", `首页 > 要闻 > 栏目

标题

发布日期:2022-07-15 信息来源: 《杂志》

职务  姓名

开头,第一段。第二句。

图片说明

  

一,小标题

  

建设强港。加快推进，全面融入。

一是甲;二是乙。

  

二

  

第二部分。

  

结尾。

Produced By 大汉网络 大汉版通发布系统
`, `date 2022-07-15
- title title 0 3 title=标题
- series series 0 1 series=栏目
- author-role author-role 0 7 author-role=职务
- author-name author-name 0 7 author-name=姓名
- source source 0 5 source=《杂志》
- caption caption 0 11 caption=图片说明
- p1 paragraph 1 9 p1.1=开头，第一段。 p1.2=第二句。
s1 s1 heading 1 15 s1=一，小标题
s1 p2 paragraph 2 19 lead p2.1=建设强港。 p2.2=加快推进，全面融入。
s1 p3 list 3 21
  s1 p3-1 item 3 21 p3-1.1=一是甲；
  s1 p3-2 item 3 21 p3-2.1=二是乙。
s2 s2 heading 2 25 s2=二
s2 p4 paragraph 4 29 p4.1=第二部分。
- p5 paragraph 5 33 p5.1=结尾。
`},
		{"no lead in the opening or the closing", "标题\n发布日期:2022-07-15\n建设强港。加快推进。\n  \n一\n  \n建设强港。加快推进。\n  \n建设强港。加快推进。\n", `date 2022-07-15
- title title 0 1 title=标题
- p1 paragraph 1 3 p1.1=建设强港。 p1.2=加快推进。
s1 s1 heading 1 5 s1=一
s1 p2 paragraph 2 7 lead p2.1=建设强港。 p2.2=加快推进。
- p3 paragraph 3 9 p3.1=建设强港。 p3.2=加快推进。
`},
		{"repeated separators and blank lines", "标题\n\n\n发布日期:2022-07-15\n  \n\t\n\n  \n一\n \n\n\n段落。\n", `date 2022-07-15
- title title 0 1 title=标题
s1 s1 heading 1 9 s1=一
s1 p1 paragraph 1 13 p1.1=段落。
`},
		{"a separator at the end", "标题\n发布日期:2022-07-15\n开头。\n  \n", `date 2022-07-15
- title title 0 1 title=标题
- p1 paragraph 1 3 p1.1=开头。
`},
		{"several closing paragraphs", "标题\n发布日期:2022-07-15\n  \n一\n  \n甲。\n  \n乙。\n丙。\n", `date 2022-07-15
- title title 0 1 title=标题
s1 s1 heading 1 4 s1=一
s1 p1 paragraph 1 6 p1.1=甲。
- p2 paragraph 2 8 p2.1=乙。
- p3 paragraph 3 9 p3.1=丙。
`},
		{"a long preamble line is a paragraph", "标题\n发布日期:2022-07-15\n" + strings.Repeat("长", 31) + "\n", `date 2022-07-15
- title title 0 1 title=标题
- p1 paragraph 1 3 p1.1=` + strings.Repeat("长", 31) + `
`},
		{"a sentence is not a caption", "标题\n发布日期:2022-07-15\n短句。\n", `date 2022-07-15
- title title 0 1 title=标题
- p1 paragraph 1 3 p1.1=短句。
`},
		{"a byline is at most 40 characters", "标题\n发布日期:2022-07-15\n" + strings.Repeat("职", 37) + "  名\n" + strings.Repeat("职", 38) + "  名\n", `date 2022-07-15
- title title 0 1 title=标题
- author-role author-role 0 3 author-role=` + strings.Repeat("职", 37) + `
- author-name author-name 0 3 author-name=名
- p1 paragraph 1 4 p1.1=` + strings.Repeat("职", 38) + `  名
`},
		{"only a footer after the date", "标题\n发布日期:2022-07-15\n\nProduced By 大汉网络\n\nProduced By 大汉网络 Produced By 大汉网络\n\n", `date 2022-07-15
- title title 0 1 title=标题
`},
		{"a footer is only dropped at the end", "标题\n发布日期:2022-07-15\nProduced By 某人。\n正文。\n", `date 2022-07-15
- title title 0 1 title=标题
- p1 paragraph 1 3 p1.1=Produced By 某人。
- p2 paragraph 2 4 p2.1=正文。
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("x.txt", "x", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if have := dump(a); have != tt.want {
				t.Errorf("model\n%s\nwant\n%s", have, tt.want)
			}
			if a.Slug != "x" || a.File != "x.txt" || a.Lang != "zh" {
				t.Errorf("slug %q, file %q, lang %q", a.Slug, a.File, a.Lang)
			}
		})
	}
}
