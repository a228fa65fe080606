package emit

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"policysite/tools/article"
	"policysite/tools/glossary"
)

// tricky is text with every character that means something in HTML,
// Markdown or CSV, in both scripts.
const tricky = `他说"好"\&<b>*x*_y_#[z](u)；=1+1，“引号”。`

func sample() (*article.Article, *article.Article) {
	zh := &article.Article{Slug: "s", File: "zh.txt", Lang: "zh", Date: "2022-07-15",
		Title: article.Block{ID: "title", Kind: article.KindTitle, Sentences: []article.Sentence{{ID: "title", Text: "标题"}}},
		Opening: []article.Block{{ID: "p1", Kind: article.KindParagraph, N: 1, HasLead: true, Sentences: []article.Sentence{
			{ID: "p1.1", Text: "建设强港！"}, {ID: "p1.2", Text: tricky}, {ID: "p1.3", Text: "两个先行与强港。"}}}},
		Sections: []article.Section{{
			Heading: article.Block{ID: "s1", Kind: article.KindHeading, N: 1, Sentences: []article.Sentence{{ID: "s1", Text: "一"}}},
			Blocks: []article.Block{{ID: "p2", Kind: article.KindList, N: 2, Items: []article.Block{
				{ID: "p2-1", Kind: article.KindItem, N: 2, Sentences: []article.Sentence{{ID: "p2-1.1", Text: "一是两个先行；"}}},
				{ID: "p2-2", Kind: article.KindItem, N: 2, Sentences: []article.Sentence{{ID: "p2-2.1", Text: "二是乙。"}}}}}}}},
	}
	tr := map[string]string{"title": "Title", "p1.1": "Build a strong port!", "p1.2": `He said "fine" \ & <b>*x*_y_#[z](u); =1+1, “quote”.`,
		"s1": "One", "p2-1.1": "First, the Two Firsts;", "p2-2.1": "Second, B."}
	en := zh.Translated("en", func(u article.Unit) (string, bool) { s, ok := tr[u.ID]; return s, ok })
	return zh, en
}

func testGlossary() *glossary.Glossary {
	return &glossary.Glossary{Terms: []glossary.Term{{ID: "two-firsts", ZH: "两个先行", EN: "Two Firsts"}, {ID: "port", ZH: "强港", EN: "strong port"}}}
}

// text returns the text content of n.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestBlockHTML parses the HTML of every block with an HTML parser: each
// sentence is one element with its id and exactly its text, the block's
// text is the sentences' (joined as the language joins them), the lead is
// <strong>, a pending sentence carries the original's lang, and the first
// use of each term in each part is a link to its entry.
func TestBlockHTML(t *testing.T) {
	zh, en := sample()
	d := Aligned(zh, en, "zh.txt", testGlossary())
	links := map[string][]string{}
	for _, b := range d.Blocks {
		if b.HTML == nil {
			continue
		}
		for lang, h := range map[string]string{"zh": b.HTML.ZH, "en": b.HTML.EN} {
			nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P})
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			k := 0
			for _, n := range nodes {
				all.WriteString(text(n))
				if n.Type != html.ElementNode {
					continue
				}
				s := b.Sentences[k]
				want := s.ZH
				if lang == "en" {
					want = s.EN
				}
				if attr(n, "id") != s.ID || text(n) != want {
					t.Errorf("%s %s: element %s#%s %q, want #%s %q", b.ID, lang, n.Data, attr(n, "id"), text(n), s.ID, want)
				}
				if (k == 0 && b.Lead != nil) != (n.Data == "strong") {
					t.Errorf("%s %s: sentence %d is <%s>", b.ID, lang, k+1, n.Data)
				}
				if s.Pending && lang == "en" && (attr(n, "lang") != "zh-Hans" || attr(n, "class") != "pending") {
					t.Errorf("%s: pending sentence without lang/class: %v", s.ID, n.Attr)
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "a" {
						links[lang] = append(links[lang], attr(c, "href")+" "+text(c))
					}
				}
				k++
			}
			want := b.Text.ZH
			if lang == "en" {
				want = b.Text.EN
			}
			if all.String() != want {
				t.Errorf("%s %s: HTML text %q, want %q", b.ID, lang, all.String(), want)
			}
			if k != len(b.Sentences) {
				t.Errorf("%s %s: %d sentence elements, want %d", b.ID, lang, k, len(b.Sentences))
			}
		}
	}
	// First use per part: the opening's 强港 and 两个先行, then section 1's 两个先行.
	if have := strings.Join(links["zh"], "|"); have != "{glossary}#port 强港|{glossary}#two-firsts 两个先行|{glossary}#two-firsts 两个先行" {
		t.Errorf("zh links: %s", have)
	}
	if have := strings.Join(links["en"], "|"); have != "{glossary}#port strong port|{glossary}#two-firsts Two Firsts" {
		t.Errorf("en links: %s", have)
	}
}

// TestDownloads reads blocks.csv back with encoding/csv and blocks.json
// with encoding/json and compares them with the model.
func TestDownloads(t *testing.T) {
	zh, en := sample()
	d := Aligned(zh, en, "zh.txt", testGlossary())
	files := Downloads(d)
	if files[0].Path != "content/zh/s/blocks.json" || files[1].Path != "content/zh/s/blocks.csv" {
		t.Fatalf("paths %s %s", files[0].Path, files[1].Path)
	}
	var j struct {
		Article, Date string
		Title         Pair
		Blocks        []struct {
			ID, Kind  string
			Sentences []struct{ ID, ZH, EN string }
		}
	}
	if err := json.Unmarshal(files[0].Data, &j); err != nil {
		t.Fatal(err)
	}
	if j.Article != "s" || j.Date != "2022-07-15" || j.Title != (Pair{"标题", "Title"}) || len(j.Blocks) != len(d.Blocks) {
		t.Fatalf("blocks.json: %+v", j)
	}
	for i, b := range j.Blocks {
		var zh, en []string
		for _, s := range b.Sentences {
			zh, en = append(zh, s.ZH), append(en, s.EN)
		}
		if b.ID != d.Blocks[i].ID || strings.Join(zh, "") != d.Blocks[i].Text.ZH || strings.Join(en, " ") != d.Blocks[i].Text.EN {
			t.Errorf("blocks.json block %d: %+v", i, b)
		}
	}
	data := string(files[1].Data)
	if !strings.HasPrefix(data, "\uFEFF") || !strings.Contains(data, "\r\n") {
		t.Error("blocks.csv: no BOM or no CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(CSVHeader, ",") {
		t.Errorf("header %v", rows[0])
	}
	i := 1
	for _, b := range d.Blocks {
		for _, s := range b.Sentences {
			r := rows[i]
			i++
			n := ""
			if b.N > 0 {
				n = fmt.Sprint(b.N)
			}
			want := []string{s.ID, b.ID, b.Kind, n, b.Section, b.Parent, CSVCell(s.ZH), CSVCell(s.EN)}
			if !slices.Equal(r, want) {
				t.Errorf("row %d = %q, want %q", i, r, want)
			}
		}
	}
	// Two rows in full: metadata has no number, an item has its list's.
	if have := strings.Join(rows[1], ","); have != "title,title,title,,,,标题,Title" {
		t.Errorf("title row %s", have)
	}
	if have := strings.Join(rows[len(rows)-2], ","); have != "p2-1.1,p2-1,item,2,s1,p2,一是两个先行；,First, the Two Firsts;" {
		t.Errorf("item row %s", have)
	}
	if i != len(rows) {
		t.Errorf("%d rows, want %d", len(rows), i)
	}
}

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM": "'@SUM", "\tx": "'\tx", "\rx": "'\rx", "a=b": "a=b", "": "", "中文": "中文"} {
		if have := CSVCell(in); have != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, have, want)
		}
	}
}

// FuzzBlockHTML: whatever a sentence holds, its HTML parses back to
// exactly its text.
func FuzzBlockHTML(f *testing.F) {
	f.Add(tricky)
	f.Add("a <script>x</script> &amp; &#34;")
	f.Add("{glossary}#x {label:p1} {")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8Valid(s) || strings.ContainsRune(s, 0) || strings.ContainsRune(s, '\r') {
			return
		}
		a := &article.Article{Lang: "en"}
		b := &article.Block{ID: "p1", Kind: article.KindParagraph, Sentences: []article.Sentence{{ID: "p1.1", Text: s}}}
		h := blockHTML(a, b, nil)
		nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P})
		if err != nil {
			t.Fatal(err)
		}
		if len(nodes) != 1 || text(nodes[0]) != s {
			t.Fatalf("%q renders as %q", s, h)
		}
		// No text can make a slot the templates fill in.
		if strings.Contains(h, "{") {
			t.Fatalf("%q renders with a brace: %q", s, h)
		}
		// The parallel rows: the text reads back in both cells, and the
		// row's label slot is the only brace.
		d := &Data{Slug: "a", Blocks: []DataBlock{{ID: "p1", Kind: "paragraph", HTML: &Pair{h, h},
			Sentences: []DataSentence{{ID: "p1.1", ZH: s, EN: s}}}}}
		rows := string(ParallelRows(d, "en").Data)
		if strings.Count(rows, "{") != 1 || !strings.Contains(rows, LabelSlot("p1")) {
			t.Fatalf("%q: parallel rows with a brace besides the label slot: %q", s, rows)
		}
		table := &html.Node{Type: html.ElementNode, Data: "tbody", DataAtom: atom.Tbody}
		trs, err := html.ParseFragment(strings.NewReader(strings.TrimSuffix(rows, "\n")), table)
		if err != nil || len(trs) != 1 {
			t.Fatalf("%q: parallel rows parse as %d nodes (%v): %q", s, len(trs), err, rows)
		}
		var cells []string
		for c := trs[0].FirstChild; c != nil; c = c.NextSibling {
			if c.Data == "td" {
				cells = append(cells, text(c))
			}
		}
		if len(cells) != 2 || cells[0] != s || cells[1] != s {
			t.Fatalf("%q: parallel cells read %q", s, cells)
		}
		// The body: the text reads back in the paragraph, whose label slot
		// is the only brace.
		body := string(Body(d, "en").Data)
		if strings.Count(body, "{") != 1 || !strings.Contains(body, LabelSlot("p1")) {
			t.Fatalf("%q: body with a brace besides the label slot: %q", s, body)
		}
		ps, err := html.ParseFragment(strings.NewReader(body), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
		if err != nil || len(ps) != 3 || ps[1].Data != "p" || text(ps[1]) != LabelSlot("p1")+s {
			t.Fatalf("%q: body parses as %d nodes (%v): %q", s, len(ps), err, body)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// TestAlignedTerms: the data's term index is the glossary's Occurrences
// in the Chinese article, and each block lists the terms its text holds.
func TestAlignedTerms(t *testing.T) {
	zh, en := sample()
	g := testGlossary()
	d := Aligned(zh, en, "zh.txt", g)
	want := g.Occurrences(zh)
	if !reflect.DeepEqual(d.Terms, want) || len(want) != 2 {
		t.Errorf("terms %v, want %v", d.Terms, want)
	}
	for _, b := range d.Blocks {
		if have := g.In(b.Text.ZH); !slices.Equal(b.Terms, have) {
			t.Errorf("%s: terms %v, want %v", b.ID, b.Terms, have)
		}
	}
}
