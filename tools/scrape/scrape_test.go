package scrape

import (
	"os"
	"strings"
	"testing"

	"policysite/tools/article"
)

const seed = "../../source/zhoushan-two-firsts/zh.txt"

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
	eq("series", a.Series.Text, "市委书记谈全面贯彻落实省党代会精神")
	eq("title", a.Title.Text, "打造“两个先行”舟山标志性成果")
	eq("date", a.Date, "2022-07-15")
	eq("source", a.Source.Text, "《今日浙江》杂志")
	eq("author role", a.AuthorRole.Text, "中共舟山市委书记")
	eq("author name", a.AuthorName.Text, "何中伟")
	eq("caption", a.Caption.Text, "舟山城市港湾")
	if a.Caption.Line != 14 {
		t.Errorf("caption line = %d, want 14", a.Caption.Line)
	}

	if len(a.Opening) != 1 || !strings.HasPrefix(a.Opening[0].Text, "舟山作为海洋特色鲜明的群岛城市，") || a.Opening[0].ID != "p1" {
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
		eq("heading "+s.ID(), s.Heading.Text, headings[i])
		var ids []string
		for _, b := range s.Blocks {
			ids = append(ids, b.ID)
		}
		eq("paragraphs of "+s.ID(), strings.Join(ids, " "), strings.Join(wantParas[i], " "))
	}

	if len(a.Closing) != 1 || a.Closing[0].ID != "p19" || !strings.HasPrefix(a.Closing[0].Text, "贯彻落实省党代会精神，") {
		t.Errorf("closing = %+v, want p19 贯彻落实省党代会精神…", a.Closing)
	}
	if last := a.Sections[3].Blocks; strings.Contains(last[len(last)-1].Text, "贯彻落实省党代会精神") {
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
		if p.Lead != "" {
			leads = append(leads, p.Lead)
			if strings.HasPrefix(p.Text, p.Lead) || p.Text == "" {
				t.Errorf("%s: text must be the rest after the lead, got %q", p.ID, p.Text)
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
		if !strings.HasPrefix(it.Text, nums[k]+"是") || it.ID != article.ItemID(3, k+1) {
			t.Errorf("item %d = %s %q, want %s是…", k+1, it.ID, it.Text, nums[k])
		}
	}
	eq("item 1", list.Items[0].Text, "一是实施创新驱动战略，建设海洋科技创新港；")
	eq("item 10", list.Items[9].Text, "十是统筹发展和安全，建设更高水平的平安舟山法治舟山。")

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

// TestParseErrors: bad input gets file:line and what was expected.
func TestParseErrors(t *testing.T) {
	src, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	seedText := string(src)
	sep := "\n\n  \n\n"
	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "x.txt: empty file"},
		{"blank", "\n  \n\u00a0\n", "x.txt: empty file"},
		{"not utf-8", "标题\n\n发布日期:2022-07-15\n\n\xff\xfe段落\n", "x.txt:5: invalid UTF-8"},
		{"no title", "首页 > 栏目\n\n发布日期:2022-07-15 信息来源: 杂志\n", "x.txt:3: missing title"},
		{"no date", "首页 > 栏目\n\n标题\n\n段落。\n", "x.txt:5: expected the date line"},
		{"date at end", "标题\n", "x.txt:1: missing date"},
		{"bad date", "标题\n发布日期:2022-13-45 信息来源: 杂志\n", "x.txt:2: publication date \"2022-13-45\" is not a date"},
		{"not a date", "标题\n发布日期:昨天\n", "x.txt:2: publication date \"昨天\" is not a date"},
		{"two headings", "标题\n发布日期:2022-07-15\n开头。" + sep + "一" + sep + sep + "二" + sep + "段落。\n", "x.txt:15: two headings in a row: heading \"二\" follows heading \"一\" (line 7)"},
		{"empty last section", "标题\n发布日期:2022-07-15\n开头。" + sep + "一" + sep + "段落。" + sep + "二" + sep, "x.txt:15: section \"二\" has no paragraph"},
		{"enumeration skips", "标题\n发布日期:2022-07-15" + sep + "一" + sep + "一是甲;三是丙。\n", "x.txt:10: enumeration goes from 一是 to 三是: expected 二是"},
		{"enumeration alone", "标题\n发布日期:2022-07-15" + sep + "一" + sep + "一是甲。\n", "x.txt:10: paragraph starts with 一是 but has no 二是"},
		{"two captions", "标题\n发布日期:2022-07-15\n图一\n图二\n", "x.txt:4: second photo caption"},
		{"heading after closing", strings.Replace(seedText, "胜利召开。", "胜利召开。\n\n第二段。"+sep+"多余的标题"+sep+"段落。", 1), "x.txt:82: heading \"多余的标题\" after the closing paragraphs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("x.txt", "x", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; parsed %d units", len(a.Units()))
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("error is %T, want *Error", err)
			}
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
		{"来源: 《今日浙江》", "来源: 《今日浙江》"}, // a space neighbour keeps ASCII
	}
	for _, tt := range tests {
		if have := Typography(tt.in); have != tt.want {
			t.Errorf("Typography(%q) = %q, want %q", tt.in, have, tt.want)
		}
	}
}

func TestSplitLead(t *testing.T) {
	tests := []struct{ in, lead string }{
		{"建设世界一流强港。全面融入全省", "建设世界一流强港。"},
		{"构建现代海洋产业“四梁八柱”。加快推进", "构建现代海洋产业“四梁八柱”。"},
		{"聚焦海洋特色领域，以数字化改革引领系统性变革。", ""}, // comma: not a lead
		{"建设世界一流强港。", ""}, // nothing after it
		{"这是一个非常非常非常非常非常非常长的第一句话没有逗号。后文", ""}, // too long
		{"推进公共服务、优质共享。后文", ""},                // enumeration comma
		{"没有句号的段落", ""},
	}
	for _, tt := range tests {
		lead, rest := splitLead(tt.in)
		if lead != tt.lead {
			t.Errorf("splitLead(%q) lead = %q, want %q", tt.in, lead, tt.lead)
		}
		if lead+rest != tt.in {
			t.Errorf("splitLead(%q) lost text: %q + %q", tt.in, lead, rest)
		}
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

// FuzzParse: any input gives a model or an error, never a panic, and a
// model never holds text that the source did not.
func FuzzParse(f *testing.F) {
	src, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte("标题\n发布日期:2022-07-15\n\n  \n一\n  \n一是甲;二是乙。\n"))
	f.Add([]byte("\uFEFF首页 > 栏目\r\n标题\r\n发布日期:2022-07-15 信息来源: 杂志\r\n职务\u00a0\u00a0姓名\r\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.txt", "f", data)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not an *Error", err, err)
			}
			return
		}
		if a.Title.Text == "" || a.Date == "" {
			t.Fatalf("model without title or date: %+v", a)
		}
		n := 0
		for _, p := range a.Paragraphs() {
			n++
			if p.N != n {
				t.Fatalf("paragraph numbers skip: %s is ¶%d, want ¶%d", p.ID, p.N, n)
			}
		}
		for _, u := range a.Units() {
			if u.Text == "" {
				t.Fatalf("empty unit %s", u.ID)
			}
		}
	})
}
