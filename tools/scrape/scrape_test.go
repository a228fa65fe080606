package scrape

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policysite/tools/article"
	"policysite/tools/sitetest"
)

var seed = filepath.Join(sitetest.Root(), "source", "zhoushan-two-firsts", "zh.txt")

func parseSeed(t *testing.T) *article.Article {
	t.Helper()
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse("zh.txt", "zhoushan-two-firsts", src)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestParseArticle pins everything the model must recover from the seed.
func TestParseArticle(t *testing.T) {
	a := parseSeed(t)
	eq := func(what, have, want string) {
		t.Helper()
		if have != want {
			t.Errorf("%s = %q, want %q", what, have, want)
		}
	}
	eq("series", a.Series.Text(""), "市委书记谈全面贯彻落实省党代会精神")
	eq("title", a.Title.Text(""), "打造“两个先行”舟山标志性成果")
	eq("date", a.Date, "2022-07-15")
	eq("source", a.Source.Text(""), "《今日浙江》杂志")
	eq("author role", a.AuthorRole.Text(""), "中共舟山市委书记")
	eq("author name", a.AuthorName.Text(""), "何中伟")
	eq("caption", a.Caption.Text(""), "舟山城市港湾")
	if a.Caption.Line != 14 {
		t.Errorf("caption line = %d, want 14", a.Caption.Line)
	}

	if len(a.Opening) != 1 || !strings.HasPrefix(a.Opening[0].Text(""), "舟山作为海洋特色鲜明的群岛城市，") || a.Opening[0].ID != "p1" {
		t.Errorf("opening = %+v, want one paragraph p1 舟山作为…", a.Opening)
	}
	for _, p := range a.Paragraphs() {
		if strings.Contains(p.Full(""), "舟山城市港湾") && p.Kind != article.KindCaption {
			t.Errorf("caption leaked into body paragraph %s", p.ID)
		}
	}

	headings := []string{
		"认真谋划，打造“海”味浓郁的十大标志性成果",
		"向海图强，塑造引领未来的海洋经济新增长极",
		"数字变革，打造更智慧更美丽更和谐海岛",
		"城乡一体，积极探索海岛共同富裕新路径",
	}
	wantParas := [][]string{{"p2", "p3", "p4"}, {"p5", "p6", "p7", "p8", "p9"}, {"p10", "p11", "p12", "p13", "p14"}, {"p15", "p16", "p17", "p18"}}
	if len(a.Sections) != 4 {
		t.Fatalf("%d sections, want 4", len(a.Sections))
	}
	for i, s := range a.Sections {
		eq("heading "+s.ID(), s.Heading.Text(""), headings[i])
		var ids []string
		for _, b := range s.Blocks {
			ids = append(ids, b.ID)
		}
		eq("paragraphs of "+s.ID(), strings.Join(ids, " "), strings.Join(wantParas[i], " "))
	}

	if len(a.Closing) != 1 || a.Closing[0].ID != "p19" || !strings.HasPrefix(a.Closing[0].Text(""), "贯彻落实省党代会精神，") {
		t.Errorf("closing = %+v, want p19 贯彻落实省党代会精神…", a.Closing)
	}
	if last := a.Sections[3].Blocks; strings.Contains(last[len(last)-1].Text(""), "贯彻落实省党代会精神") {
		t.Error("closing paragraph is part of section 4")
	}

	// Paragraph numbers run ¶1…¶19 once through the article.
	for i, p := range a.Paragraphs() {
		if p.N != i+1 || p.ID != article.ParagraphID(i+1) {
			t.Errorf("paragraph %d is ¶%d %s", i+1, p.N, p.ID)
		}
	}
	if n := len(a.Paragraphs()); n != 19 {
		t.Errorf("%d paragraphs, want 19", n)
	}

	wantLeads := []string{
		"构建现代海洋产业“四梁八柱”。", "深入实施创新驱动战略。", "全力提升全球大宗商品资源配置能力。", "建设世界一流强港。",
		"建设数字孪生城市。", "建设海上花园城市。", "建设海洋文化名城。", "建设海岛安全城市。",
		"实施“小岛你好”海岛共同富裕行动。", "推进公共服务优质共享。", "建设共同富裕现代化基本单元。",
	}
	var leads []string
	for _, p := range a.Paragraphs() {
		if p.HasLead {
			leads = append(leads, p.Lead())
			if p.Sentences[0].ID != p.ID+".1" || len(p.Sentences) < 2 {
				t.Errorf("%s: the lead must be sentence %s.1 of several, got %+v", p.ID, p.ID, p.Sentences)
			}
		}
	}
	eq("leads", strings.Join(leads, "|"), strings.Join(wantLeads, "|"))

	list := a.Sections[0].Blocks[1]
	if list.Kind != article.KindList || len(list.Items) != 10 {
		t.Fatalf("p3 = %s with %d items, want a list of 10", list.Kind, len(list.Items))
	}
	nums := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	for k, it := range list.Items {
		if !strings.HasPrefix(it.Text(""), nums[k]+"是") || it.ID != article.ItemID(3, k+1) {
			t.Errorf("item %d = %s %q, want %s是…", k+1, it.ID, it.Text(""), nums[k])
		}
	}
	eq("item 1", list.Items[0].Text(""), "一是实施创新驱动战略，建设海洋科技创新港；")
	eq("item 10", list.Items[9].Text(""), "十是统筹发展和安全，建设更高水平的平安舟山法治舟山。")

	// Sentences: ¶6 has five, ¶14 six; every sentence id is block.k.
	sentences := map[string]int{"p6": 5, "p12": 4, "p14": 6, "p19": 2, "p1": 1}
	for _, p := range a.Paragraphs() {
		if want, ok := sentences[p.ID]; ok && len(p.Sentences) != want {
			t.Errorf("%s has %d sentences, want %d", p.ID, len(p.Sentences), want)
		}
		for k, sn := range p.Sentences {
			if sn.ID != article.SentenceID(p.ID, k+1) {
				t.Errorf("%s sentence %d has id %s", p.ID, k+1, sn.ID)
			}
		}
	}
	eq("p14.6", a.Sections[2].Blocks[4].Sentences[5].Text, "建设“智治海安”应用，强化重点领域安全治理，实施涉海涉渔精密智控，提升安全生产和防灾减灾能力。")

	a.Walk(func(_ *article.Section, b *article.Block) {
		if strings.Contains(b.Full(""), "Produced By") || strings.Contains(b.Full(""), "大汉") {
			t.Errorf("CMS footer kept in %s", b.ID)
		}
		if strings.ContainsAny(b.Full(""), "\u00a0") {
			t.Errorf("NBSP kept in %s", b.ID)
		}
	})
}

// TestCleanVariants: a BOM and CRLF line ends give the same model.
func TestCleanVariants(t *testing.T) {
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse("zh.txt", "s", src)
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string][]byte{
		"bom":      append([]byte("\uFEFF"), src...),
		"crlf":     []byte(strings.ReplaceAll(string(src), "\n", "\r\n")),
		"bom+crlf": append([]byte("\uFEFF"), []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))...),
	}
	for name, v := range variants {
		t.Run(name, func(t *testing.T) {
			have, err := Parse("zh.txt", "s", v)
			if err != nil {
				t.Fatal(err)
			}
			hu, wu := have.Units(), want.Units()
			if len(hu) != len(wu) {
				t.Fatalf("%d units, want %d", len(hu), len(wu))
			}
			for i := range hu {
				if hu[i] != wu[i] {
					t.Errorf("unit %d = %+v, want %+v", i, hu[i], wu[i])
				}
			}
		})
	}
}

// TestParseErrors: every kind of bad input gets its exact message:
// file:line (and column where it helps), what was found, what was expected.
func TestParseErrors(t *testing.T) {
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	seedText := string(src)
	const head = "标题\n发布日期:2022-07-15\n开头。"
	sep := "\n\n  \n\n"
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "x.txt: empty file: expected a title line and a date line"},
		{"blank", "\n  \n\u00a0\n", "x.txt: empty file: expected a title line and a date line"},
		{"not utf-8", "标题\n\n发布日期:2022-07-15\n\n\xff\xfe段落\n", "x.txt:5:1: invalid UTF-8 (byte 0xFF at byte offset 33): expected UTF-8 text"},
		{"utf-16 with BOM", "\xff\xfe\x07h\x98\x98", "x.txt: file is UTF-16 text: expected UTF-8 (save it as \"UTF-8\" in the editor)"},
		{"utf-16 without BOM", "\x07h\x98\x98\n\x00\x31\x00\x32\x00\x33\x00", "x.txt: file is UTF-16 text: expected UTF-8 (save it as \"UTF-8\" in the editor)"},
		{"control character", "标题\n发布日期:2022-07-15\n开\x1b头。\n", "x.txt:3:2: control character U+001B: expected text (delete the character)"},
		{"NUL", "标题\x00\n发布日期:2022-07-15\n", "x.txt:1:3: control character U+0000: expected text (delete the character)"},
		{"line separator", "标题\n发布日期:2022-07-15\n开头\u2028。\n", "x.txt:3:3: Unicode line separator U+2028: expected an ordinary line end"},
		{"CR-only line ends", "标题\r发布日期:2022-07-15\r开头。\r", "x.txt:1:3: carriage return (U+000D) without a line feed: expected LF or CRLF line ends (old Mac line ends are not supported)"},
		{"second BOM", "\uFEFF标题\n\uFEFF发布日期:2022-07-15\n", "x.txt:2:1: byte order mark (U+FEFF) in the middle of the file: expected it only at the very start, once (was a file pasted into another?)"},
		{"too big", strings.Repeat("段", MaxSourceBytes/3+1), "x.txt: file is 524289 bytes, over the limit of 524288 bytes: split it, or raise the limit if the article really is that long"},
		{"breadcrumb without a column", "首页 > 栏目 >\n标题\n发布日期:2022-07-15\n", "x.txt:1: breadcrumb \"首页 > 栏目 >\" ends without a column: expected the column's name after the last \">\" (首页 > … > 栏目)"},
		{"breadcrumb of the root alone", "\uFEFF首页0>\n题0\n发布日期:0000-01-01", "x.txt:1: breadcrumb \"首页0>\" ends without a column: expected the column's name after the last \">\" (首页 > … > 栏目)"},
		{"no title", "首页 > 栏目\n\n发布日期:2022-07-15 信息来源: 杂志\n", "x.txt:3: missing title: expected the title line before the date line"},
		{"no date", "首页 > 栏目\n\n标题\n\n段落。\n", "x.txt:5: expected the date line \"发布日期:YYYY-MM-DD 信息来源:…\", found \"段落。\""},
		{"date at end", "标题\n", "x.txt:1: missing date: expected the date line \"发布日期:YYYY-MM-DD 信息来源:…\" after the title"},
		{"bad date", "标题\n发布日期:2022-13-45 信息来源: 杂志\n", "x.txt:2: publication date \"2022-13-45\" is not a date: expected YYYY-MM-DD"},
		{"not a date", "标题\n发布日期:昨天\n", "x.txt:2: publication date \"昨天\" is not a date: expected YYYY-MM-DD"},
		{"enumeration skips", head + sep + "一" + sep + "一是甲;三是丙。\n", "x.txt:11: enumeration goes from 一是 to 三是: expected 二是"},
		{"comma before an item", head + sep + "一" + sep + "一是甲;二是乙;三是丙;四是丁,五是戊。\n", "x.txt:11: item 五是 follows \"，\" (character 17 of the paragraph): expected \"；\" before each item of the enumeration"},
		{"comma before the last item", head + sep + "一" + sep + "一是甲;二是乙,三是丙。\n", "x.txt:11: item 三是 follows \"，\" (character 9 of the paragraph): expected \"；\" before each item of the enumeration"},
		{"enumeration alone", head + sep + "一" + sep + "一是甲。\n", "x.txt:11: paragraph starts with 一是 but has no 二是 after a semicolon: expected an enumeration 一是…；二是…"},
		{"two captions", "标题\n发布日期:2022-07-15\n图一\n图二\n", "x.txt:4: second photo caption \"图二\" (the first is on line 3): expected a paragraph"},
		{"lone separator before sections", head + sep + "一\n段落。\n", "x.txt:7: line \"一\" follows a separator line (line 5) but no separator line follows it: expected a heading wrapped in separator lines before the first section"},
		{"missing separator after a heading", head + sep + "一" + sep + "段落。" + sep + "二\n段落二。" + sep + "三" + sep + "段落三。\n", "x.txt:15: paragraph \"二\" follows a lone separator line (line 13), so the closing starts here, but a heading \"三\" follows on line 20: if \"二\" is a heading, the separator line after it is missing"},
		{"16 characters are quoted whole", head + sep + "一" + sep + "段落。" + sep + "一二三四五六七八九十一二三四五六\n段落二。" + sep + "三" + sep + "段落三。\n", "x.txt:15: paragraph \"一二三四五六七八九十一二三四五六\" follows a lone separator line (line 13), so the closing starts here, but a heading \"三\" follows on line 20: if \"一二三四五六七八九十一二三四五六\" is a heading, the separator line after it is missing"},
		{"17 characters are cut", head + sep + "一" + sep + "段落。" + sep + "一二三四五六七八九十一二三四五六七\n段落二。" + sep + "三" + sep + "段落三。\n", "x.txt:15: paragraph \"一二三四五六七八九十一二三四五六…\" follows a lone separator line (line 13), so the closing starts here, but a heading \"三\" follows on line 20: if \"一二三四五六七八九十一二三四五六…\" is a heading, the separator line after it is missing"},
		{"second separator in the closing", head + sep + "一" + sep + "段落。" + sep + "结尾。\n续。" + sep + "再结尾。\n", "x.txt:15: paragraph \"结尾。\" follows a lone separator line, so the closing starts here, but line 18 is another separator line: if it is a heading, the separator line after it is missing"},
		{"footer only", "Produced By 大汉网络\n\n", "x.txt:1: expected the title line"},
		{"footer after the title", "标题\n\n\nProduced By 大汉网络\n", "x.txt:1: missing date: expected the date line \"发布日期:YYYY-MM-DD 信息来源:…\" after the title"},
		{"separator for a title", "  \n标题\n", "x.txt:1: expected the title line"},
		{"bad enumeration in the opening", head + "\n一是甲;三是丙。\n", "x.txt:4: enumeration goes from 一是 to 三是: expected 二是"},
		{"bad enumeration in the closing", head + sep + "一" + sep + "段落。" + sep + "一是甲。\n", "x.txt:15: paragraph starts with 一是 but has no 二是 after a semicolon: expected an enumeration 一是…；二是…"},
		{"heading after closing", strings.Replace(seedText, "胜利召开。", "胜利召开。\n\n第二段。"+sep+"多余的标题"+sep+"段落。", 1), "x.txt:76: paragraph \"贯彻落实省党代会精神，打造“两个…\" follows a lone separator line (line 74), so the closing starts here, but a heading \"多余的标题\" follows on line 82: if \"贯彻落实省党代会精神，打造“两个…\" is a heading, the separator line after it is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("x.txt", "x", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; parsed %d units", len(a.Units()))
			}
			if err.Error() != tt.want {
				t.Errorf("error\n\t%s\nwant\n\t%s", err, tt.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("error is %T, want *Error", err)
			}
		})
	}
}

// TestOptionalParts: an article may lack the breadcrumb, the source, the
// byline, the caption, leads and sections; a section may have no
// paragraph; a date in the future is a date.
func TestOptionalParts(t *testing.T) {
	sep := "\n\n  \n\n"
	tests := []struct {
		name, src string
		check     func(t *testing.T, a *article.Article)
	}{
		{"title and date only", "标题\n发布日期:2099-01-01\n", func(t *testing.T, a *article.Article) {
			if a.Series != nil || a.Source != nil || a.AuthorRole != nil || a.Caption != nil || len(a.Paragraphs()) != 0 || a.Date != "2099-01-01" {
				t.Errorf("model %+v", a)
			}
		}},
		{"source without 《》", "标题\n发布日期:2022-07-15 信息来源: 舟山日报\n段落。\n", func(t *testing.T, a *article.Article) {
			if a.Source == nil || a.Source.Text("") != "舟山日报" {
				t.Errorf("source %+v", a.Source)
			}
		}},
		{"leads only in sections", "标题\n发布日期:2022-07-15\n建设强港。加快推进。" + sep + "一" + sep + "建设强港。加快推进。" + sep + "结语短句。再说一句。\n", func(t *testing.T, a *article.Article) {
			if a.Opening[0].HasLead || a.Closing[0].HasLead || !a.Sections[0].Blocks[0].HasLead {
				t.Errorf("leads: opening %v, section %v, closing %v; want only the section's", a.Opening[0].HasLead, a.Sections[0].Blocks[0].HasLead, a.Closing[0].HasLead)
			}
		}},
		{"empty sections", "标题\n发布日期:2022-07-15\n开头。" + sep + "一" + sep + sep + "二" + sep + "段落。" + sep + "三" + sep, func(t *testing.T, a *article.Article) {
			if len(a.Sections) != 3 || len(a.Sections[0].Blocks) != 0 || len(a.Sections[1].Blocks) != 1 || len(a.Sections[2].Blocks) != 0 {
				t.Errorf("sections %+v", a.Sections)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("x.txt", "x", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

func TestTypography(t *testing.T) {
	tests := []struct{ in, want string }{
		{"城市,要", "城市，要"},
		{"港;二是", "港；二是"},
		{"成果:", "成果："},             // end of text counts as CJK on the right
		{"“两个维护”,向海", "“两个维护”，向海"}, // CJK punctuation neighbours
		{"发布日期:2022", "发布日期:2022"}, // a digit neighbour keeps ASCII
		{"1,000,000", "1,000,000"},
		{"Zhoushan, China", "Zhoushan, China"},
		{",开头", ",开头"}, // nothing on the left
		{"能源+储能", "能源+储能"},
		{"来源: 《今日浙江》", "来源: 《今日浙江》"},     // a space neighbour keeps ASCII
		{"《书》,后;（注）:说明", "《书》，后；（注）：说明"}, // CJK and full-width punctuation neighbours
		{"港口,", "港口，"},
		{"港口,a", "港口,a"},
		{"a,港口", "a,港口"},
	}
	for _, tt := range tests {
		if have := Typography(tt.in); have != tt.want {
			t.Errorf("Typography(%q) = %q, want %q", tt.in, have, tt.want)
		}
	}
}

func TestIsLead(t *testing.T) {
	tests := []struct {
		in   string
		lead bool
	}{
		{"建设世界一流强港。全面融入全省", true},
		{"构建现代海洋产业“四梁八柱”。加快推进", true},
		{"必须坚持人民至上！坚持…", true},
		{"怎样打造标志性成果？关键在干", true},
		{"要敢于“闯”！后文", true},
		{"聚焦海洋特色领域，以数字化改革引领系统性变革。后文", false},     // comma
		{"建设世界一流强港。", false},                     // nothing after it
		{"这是一个非常非常非常非常非常非常长的第一句话没有逗号。后文", false}, // too long
		{"推进公共服务、优质共享。后文", false},                // enumeration comma
		{"目标：建设强港。后文", false},                    // colon
		{"没有句号的段落", false},
		{strings.Repeat("字", 23) + "。后文", true},  // 24 characters
		{strings.Repeat("字", 24) + "。后文", false}, // 25
		{"“建设强港。”后文", true},                      // the stop inside the quotes
	}
	for _, tt := range tests {
		if have := isLead(Sentences(tt.in)); have != tt.lead {
			t.Errorf("isLead(%q) = %v, want %v", tt.in, have, tt.lead)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"甲。乙。", []string{"甲。", "乙。"}},
		{"甲！乙？丙", []string{"甲！", "乙？", "丙"}},
		{"他说“好。”然后走了。", []string{"他说“好。”", "然后走了。"}},
		{"真的吗？！是的。", []string{"真的吗？！", "是的。"}},
		{"（见附件。）下文。", []string{"（见附件。）", "下文。"}},
		{"甲；乙：丙，丁。", []string{"甲；乙：丙，丁。"}}, // ；and ：do not end a sentence
		{"没有句号", []string{"没有句号"}},
		{"《书名。》后", []string{"《书名。》", "后"}},
		{"a. b", []string{"a. b"}}, // ASCII full stops do not end Chinese sentences
	}
	for _, tt := range tests {
		have := Sentences(tt.in)
		if strings.Join(have, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, have, tt.want)
		}
		if strings.Join(have, "") != tt.in {
			t.Errorf("Sentences(%q) lost text: %q", tt.in, have)
		}
	}
}

// enumeration returns the items 一是甲 to n是甲 joined by semicolons.
func enumeration(n int) string {
	var items []string
	for k := 1; k <= n; k++ {
		items = append(items, ordinals[k-1]+"是甲")
	}
	return strings.Join(items, "；")
}

func TestOrdinals(t *testing.T) {
	want := "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十"
	if have := strings.Join(ordinals, " "); have != want {
		t.Errorf("ordinals %s\nwant %s", have, want)
	}
}

func TestSplitEnumeration(t *testing.T) {
	tests := []struct {
		in    string
		items int
		msg   string
	}{
		{"一是甲；二是乙；三是丙。", 3, ""},
		{"一是甲；二是乙；三是丙；四是丁；五是戊；六是己；七是庚；八是辛；九是壬；十是癸；十一是子；十二是丑。", 12, ""},
		{"一是甲；三是丙。", 0, "enumeration goes from 一是 to 三是: expected 二是"},
		{"一是甲；二是乙；二是乙。", 0, "enumeration goes from 二是 to 二是: expected 三是"},
		{"一是甲；二是乙。", 2, ""},
		{"一是甲;二是乙。", 2, ""},     // before the typography rule
		{"一是甲；二是乙说三是丙。", 2, ""}, // 三是 inside a sentence is not an item
		{"一是甲；二是乙三是三是，三是丙。", 0, "item 三是 follows \"，\" (character 13 of the paragraph): expected \"；\" before each item of the enumeration"},
		{"一是甲；二是乙；三是丙，四是丁。", 0, "item 四是 follows \"，\" (character 13 of the paragraph): expected \"；\" before each item of the enumeration"},
		{"一是甲；二是乙；五是戊。", 0, "enumeration goes from 二是 to 五是: expected 三是"},
		{"一是甲；二是乙、三是丙；四是丁。", 0, "item 三是 follows \"、\" (character 9 of the paragraph): expected \"；\" before each item of the enumeration"},
		{enumeration(19) + "。", 19, ""},
		{enumeration(19) + "，二十是尾。", 0, "item 二十是 follows \"，\" (character 86 of the paragraph): expected \"；\" before each item of the enumeration"},
		{enumeration(20) + "；二十一是甲。", 0, "enumeration has more than 二十 items"},
	}
	for _, tt := range tests {
		items, msg := splitEnumeration(tt.in)
		if msg != tt.msg || len(items) != tt.items {
			t.Errorf("splitEnumeration(%q) = %d items, %q; want %d, %q", tt.in, len(items), msg, tt.items, tt.msg)
		}
		if msg == "" && strings.Join(items, "") != tt.in {
			t.Errorf("splitEnumeration(%q) lost text: %q", tt.in, items)
		}
	}
}

// FuzzParse: any input gives a model or an *Error, never a panic; a model
// has a title and a date, paragraphs numbered without gaps, no empty
// sentence, and no text that the source does not hold: every sentence,
// with the typography rule undone, is a substring of the source (NBSP read
// as a space).
func FuzzParse(f *testing.F) {
	src, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte("标题\n发布日期:2022-07-15\n\n  \n一\n  \n一是甲;二是乙。\n"))
	f.Add([]byte("\uFEFF首页 > 栏目\r\n标题\r\n发布日期:2022-07-15 信息来源: 杂志\r\n职务\u00a0\u00a0姓名\r\n"))
	f.Add([]byte(""))
	undo := strings.NewReplacer("，", ",", "；", ";", "：", ":", "\u00a0", " ")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.txt", "f", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		if a.Title.Text("") == "" || a.Date == "" {
			t.Fatalf("model without title or date: %+v", a)
		}
		n := 0
		for _, p := range a.Paragraphs() {
			n++
			if p.N != n {
				t.Fatalf("paragraph numbers skip: %s is ¶%d, want ¶%d", p.ID, p.N, n)
			}
		}
		source := undo.Replace(string(data))
		for _, u := range a.Units() {
			if u.Text == "" {
				t.Fatalf("empty unit %s", u.ID)
			}
			if !strings.Contains(source, undo.Replace(u.Text)) {
				t.Fatalf("unit %s %q is not in the source", u.ID, u.Text)
			}
		}
	})
}
