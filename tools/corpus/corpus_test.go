// Package corpus holds articles of every shape (testdata/<slug>/zh.txt and
// en.po) and the test that splits and builds them with the site's own
// layouts, then reads every output back with a real parser.
//
// The shapes differ from the sample article on purpose:
//
//	minimal         title and date and one paragraph; no breadcrumb, byline,
//	                source or caption; no translation at all (pending)
//	optional-parts  a source without 《》, no byline, a caption, leads ending
//	                in ！ and ？, a list of three, a part with no paragraphs,
//	                a closing, the CMS footer
//	special-chars   " \ & < * _ # [ and <script> in both languages, quotes of
//	                both widths, a translation starting with =
//	long-future     a publication date in the future, two very long
//	                paragraphs, one sentence left untranslated
package corpus

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"policysite/tools/sitetest"
)

// copyTree copies src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

type site struct {
	root, public string
	slugs        []string
	warnings     string
}

// build makes a site root from the repository's layouts, assets, i18n,
// static files, configuration, glossary and hand-written pages plus the
// fixture articles, splits it (with -allow-pending) and builds it with
// Hugo as production does.
func build(t *testing.T) *site {
	t.Helper()
	repo := sitetest.Root()
	// The splitter runs as `go run`, outside this test's dependencies.
	sitetest.Watch(repo, append([]string{"tools"}, sitetest.SiteInputs...)...)
	s := &site{root: t.TempDir()}
	for _, d := range []string{"layouts", "assets", "i18n", "static", "data/search"} {
		copyTree(t, filepath.Join(repo, d), filepath.Join(s.root, d))
	}
	for _, f := range []string{"config.toml", "data/glossary.toml", "data/landmarks.toml"} {
		b, err := os.ReadFile(filepath.Join(repo, f))
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(filepath.Join(s.root, f)), 0o755)
		if err := os.WriteFile(filepath.Join(s.root, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{"zh", "en"} {
		pages, _ := filepath.Glob(filepath.Join(repo, "content", lang, "*.md"))
		for _, p := range pages {
			b, _ := os.ReadFile(p)
			os.MkdirAll(filepath.Join(s.root, "content", lang), 0o755)
			os.WriteFile(filepath.Join(s.root, "content", lang, filepath.Base(p)), b, 0o644)
		}
	}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			s.slugs = append(s.slugs, e.Name())
			copyTree(t, filepath.Join("testdata", e.Name()), filepath.Join(s.root, "source", e.Name()))
		}
	}
	var stderr bytes.Buffer
	cmd := exec.Command("go", "run", "./tools/split", "-root", s.root, "-allow-pending")
	cmd.Dir, cmd.Stderr = repo, &stderr
	if out, err := cmd.Output(); err != nil {
		t.Fatalf("split: %v\n%s%s", err, out, stderr.String())
	}
	s.warnings = stderr.String()
	s.public = filepath.Join(s.root, "public")
	sitetest.BuildTo(t, s.root, "https://example.org/sub/", s.public)
	return s
}

func (s *site) files(t *testing.T, ext string) []string {
	var out []string
	filepath.WalkDir(s.public, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) {
			out = append(out, p)
		}
		return err
	})
	if len(out) == 0 {
		t.Fatalf("no %s files in the build", ext)
	}
	return out
}

func (s *site) read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.public, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCorpus builds the fixtures and reads every output back.
func TestCorpus(t *testing.T) {
	s := build(t)
	if len(s.slugs) < 4 {
		t.Fatalf("%d fixtures", len(s.slugs))
	}
	t.Run("warnings", func(t *testing.T) {
		for _, want := range []string{"source/long-future/zh.txt: publication date 2031-05-20 is in the future", "source/long-future/en.po: p2.2: no entry", "source/minimal/en.po: title: no entry"} {
			if !strings.Contains(s.warnings, want) {
				t.Errorf("split warnings lack %q:\n%s", want, s.warnings)
			}
		}
	})
	t.Run("HTML", func(t *testing.T) { checkHTML(t, s) })
	t.Run("XML", func(t *testing.T) {
		for _, p := range s.files(t, ".xml") {
			b, _ := os.ReadFile(p)
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Errorf("%s: not well-formed XML: %v", p, err)
					break
				}
			}
		}
	})
	t.Run("feeds", func(t *testing.T) {
		for _, lang := range []string{"zh", "en"} {
			var feed struct {
				Items []struct {
					Title       string `xml:"title"`
					Link        string `xml:"link"`
					Description string `xml:"description"`
				} `xml:"channel>item"`
			}
			if err := xml.Unmarshal([]byte(s.read(t, lang+"/index.xml")), &feed); err != nil {
				t.Fatal(err)
			}
			var links []string
			for _, it := range feed.Items {
				links = append(links, strings.TrimPrefix(it.Link, "https://example.org/sub/"+lang+"/"))
				if it.Title == "" || it.Description == "" {
					t.Errorf("%s feed item %s lacks a title or description", lang, it.Link)
				}
			}
			slices.Sort(links)
			var want []string
			for _, slug := range s.slugs {
				want = append(want, slug+"/")
			}
			if !slices.Equal(links, want) {
				t.Errorf("%s feed items %v, want one per article %v", lang, links, want)
			}
		}
	})
	t.Run("JSON", func(t *testing.T) {
		for _, p := range s.files(t, ".json") {
			b, _ := os.ReadFile(p)
			var v any
			if err := json.Unmarshal(b, &v); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			if hasNull(v) {
				t.Errorf("%s: holds a null", p)
			}
		}
	})
	t.Run("CSV", func(t *testing.T) {
		for _, slug := range s.slugs {
			var data struct {
				Blocks []struct {
					ID, Kind  string
					Sentences []struct{ ID, ZH, EN string }
				}
			}
			if err := json.Unmarshal([]byte(s.read(t, "zh/"+slug+"/blocks.json")), &data); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s.read(t, "zh/"+slug+"/blocks.csv"), "\uFEFF"))).ReadAll()
			if err != nil {
				t.Fatalf("%s blocks.csv: %v", slug, err)
			}
			i := 1
			for _, b := range data.Blocks {
				for _, sn := range b.Sentences {
					if i >= len(rows) {
						t.Fatalf("%s: blocks.csv ends at row %d", slug, i)
					}
					r := rows[i]
					if len(r) != 8 || r[0] != sn.ID || r[1] != b.ID || r[6] != neutral(sn.ZH) || r[7] != neutral(sn.EN) {
						t.Errorf("%s blocks.csv row %d = %q, want %s %s %q %q", slug, i, r, sn.ID, b.ID, sn.ZH, sn.EN)
					}
					i++
				}
			}
			if i != len(rows) {
				t.Errorf("%s: %d CSV rows, %d sentences", slug, len(rows)-1, i-1)
			}
		}
	})
	t.Run("PO files pass msgfmt", func(t *testing.T) {
		msgfmt, err := exec.LookPath("msgfmt")
		sitetest.Require(t, err == nil, "GNU msgfmt", "apt-get install gettext")
		pos, _ := filepath.Glob(filepath.Join(s.root, "source", "*", "*.po*"))
		real, _ := filepath.Glob(filepath.Join(sitetest.Root(), "source", "*", "*.po*"))
		if len(pos) < 2*len(s.slugs)-1 || len(real) < 2 {
			t.Fatalf("PO files: %v %v", pos, real)
		}
		for _, p := range append(pos, real...) {
			if out, err := exec.Command(msgfmt, "--check", "-o", os.DevNull, p).CombinedOutput(); err != nil {
				t.Errorf("msgfmt --check %s: %v\n%s", p, err, out)
			}
		}
	})
	t.Run("navigation follows the article", func(t *testing.T) {
		nav := regexp.MustCompile(`<nav class=site-nav[^>]*>.*?</nav>`)
		for page, want := range map[string]string{
			"en/minimal/index.html":                  "/sub/en/minimal/",
			"zh/optional-parts/section-1/index.html": "/sub/zh/optional-parts/",
			"en/special-chars/parallel/index.html":   "/sub/en/special-chars/",
			"en/glossary/index.html":                 "/sub/en/long-future/", // outside an article: the newest
		} {
			n := nav.FindString(s.read(t, page))
			if !strings.Contains(n, `href=`+want+`>`) && !strings.Contains(n, `href=`+want+` `) {
				t.Errorf("%s: the navigation does not lead to %s: %s", page, want, n)
			}
		}
		if title := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(s.read(t, "en/index.html")); title == nil || title[1] != "Chinese Policy Texts in English" {
			t.Errorf("the English home is titled %v, want the site's own name", title)
		}
	})
	t.Run("pending and special text", func(t *testing.T) {
		page := s.read(t, "en/minimal/index.html")
		if !strings.Contains(page, `class="notice pending-notice"`) && !strings.Contains(page, `class="notice pending-notice"`) && !strings.Contains(page, "pending-notice") {
			t.Error("en/minimal: no pending notice")
		}
		if !regexp.MustCompile(`<span id=p1\.1 lang=zh-Hans class=pending>唯一的一段`).MatchString(page) {
			t.Error("en/minimal: the untranslated sentence is not shown in Chinese with its lang")
		}
		sc := s.read(t, "en/special-chars/index.html")
		for _, want := range []string{`<span id=p1.1>The text has "straight quotes" and “curly quotes,” \backslashes\, # signs, [brackets](link) and &lt;script>alert(1)&lt;/script>.</span>`, `Special characters: &lt;b>, &amp;amp;, *asterisks* and _underscores_`} {
			if !strings.Contains(sc, want) {
				t.Errorf("en/special-chars lacks %q", want)
			}
		}
	})
}

// neutral is a CSV cell as the download writes it (OWASP): a leading
// = + - @ tab or CR gets an apostrophe.
func neutral(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func hasNull(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case map[string]any:
		for _, e := range x {
			if hasNull(e) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if hasNull(e) {
				return true
			}
		}
	}
	return false
}

var leaks = regexp.MustCompile(`%!|<nil>|\bnull\b|map\[|\[\]`)

// checkHTML parses every page and checks what a reader sees: no template
// leaks (%!, <nil>, null), no empty labelled field, valid JSON-LD with no
// null, and every sentence of the data on both article pages.
func checkHTML(t *testing.T, s *site) {
	oneLine := []string{"title", "series", "author-role", "author-name", "source", "caption"}
	for _, p := range s.files(t, ".html") {
		b, _ := os.ReadFile(p)
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		rel, _ := filepath.Rel(s.public, p)
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if n.Data == "script" && attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
					var v any
					if err := json.Unmarshal([]byte(n.FirstChild.Data), &v); err != nil || hasNull(v) {
						t.Errorf("%s: JSON-LD invalid or with null (%v): %s", rel, err, n.FirstChild.Data)
					}
				}
				if id := attr(n, "id"); slices.Contains(oneLine, id) && strings.TrimSpace(text(n)) == "" {
					t.Errorf("%s: #%s is empty", rel, id)
				}
				if strings.Contains(" "+attr(n, "class")+" ", " label ") && n.NextSibling == nil {
					t.Errorf("%s: label %q labels nothing", rel, text(n))
				}
				// The original is never awaiting its translation: text is
				// marked pending only where the English is expected (the
				// translation's pages, the English column of a parallel page).
				if strings.Contains(" "+attr(n, "class")+" ", " pending ") && inheritedLang(n.Parent) != "en" {
					t.Errorf("%s: <%s id=%q> marked pending outside the English text", rel, n.Data, attr(n, "id"))
				}
			}
			if n.Type == html.TextNode && (n.Parent == nil || n.Parent.Data != "script") && leaks.MatchString(n.Data) {
				t.Errorf("%s: template output leaks into the text: %q", rel, n.Data)
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	// Every sentence of the data is on both article pages, as the element
	// with its id, and reads there exactly as in the data (parsed as a
	// browser parses it): markup characters in the text stay text. A
	// sentence not yet translated reads in Chinese on the English page.
	for _, slug := range s.slugs {
		var data struct{ Blocks []dataBlock }
		if err := json.Unmarshal([]byte(s.read(t, "zh/"+slug+"/blocks.json")), &data); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"zh", "en"} {
			doc, err := html.Parse(strings.NewReader(s.read(t, lang+"/"+slug+"/index.html")))
			if err != nil {
				t.Fatal(err)
			}
			byID := map[string]*html.Node{}
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if id := attr(n, "id"); n.Type == html.ElementNode && id != "" {
					byID[id] = n
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			n := 0
			for _, b := range data.Blocks {
				for _, sn := range b.Sentences {
					n++
					el := byID[sn.ID]
					if el == nil {
						t.Errorf("%s/%s: sentence %s not on the page", lang, slug, sn.ID)
						continue
					}
					want := sn.ZH
					if lang == "en" && sn.EN != "" {
						want = sn.EN
					}
					have := text(el)
					if b.Kind == "heading" || b.Kind == "caption" {
						// A heading carries its part number before the
						// text, a caption its label.
						have = have[max(0, len(have)-len(want)):]
					}
					if have != want {
						t.Errorf("%s/%s: %s reads %q, want %q", lang, slug, sn.ID, have, want)
					}
				}
			}
			if n == 0 {
				t.Errorf("%s: no sentences", slug)
			}
			checkParallel(t, lang, slug, s.read(t, lang+"/"+slug+"/parallel/index.html"), data.Blocks)
			checkSections(t, s, lang, slug, data.Blocks)
		}
	}
}

// inheritedLang is the language of n's text: the lang attribute of n or of
// its nearest ancestor that has one.
func inheritedLang(n *html.Node) string {
	for ; n != nil; n = n.Parent {
		if l := attr(n, "lang"); n.Type == html.ElementNode && l != "" {
			return l
		}
	}
	return ""
}

// dataBlock is a block of an article's blocks.json, as the checks read it.
type dataBlock struct {
	ID, Kind, Section string
	Sentences         []struct{ ID, ZH, EN string }
}

// checkSections checks that each section page holds the text of its
// section, all of it and nothing else: the sentences of its paragraphs
// and list items, in order, under its heading; and a notice when the
// section has none.
func checkSections(t *testing.T, s *site, lang, slug string, blocks []dataBlock) {
	sentence := map[string]bool{}
	want := map[string][]string{}
	var sections []string
	for _, b := range blocks {
		for _, sn := range b.Sentences {
			sentence[sn.ID] = true
		}
		switch {
		case b.Kind == "heading":
			sections = append(sections, b.ID)
			want[b.ID] = nil
		case b.Section != "" && (b.Kind == "paragraph" || b.Kind == "item"):
			for _, sn := range b.Sentences {
				want[b.Section] = append(want[b.Section], sn.ID)
			}
		}
	}
	for _, sec := range sections {
		name := lang + "/" + slug + "/section-" + strings.TrimPrefix(sec, "s") + "/index.html"
		page := s.read(t, name)
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		var have []string
		var heading bool
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if id := attr(n, "id"); n.Type == html.ElementNode && sentence[id] {
				if id == sec && n.Data == "h1" {
					heading = true
				} else {
					have = append(have, id)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if !heading {
			t.Errorf("%s: no <h1 id=%s>", name, sec)
		}
		if !slices.Equal(have, want[sec]) {
			t.Errorf("%s: sentences %v, want those of %s: %v", name, have, sec, want[sec])
		}
		if notice := strings.Contains(page, `class=notice>`); notice != (len(want[sec]) == 0) {
			t.Errorf("%s: empty-part notice %v with %d sentences", name, notice, len(want[sec]))
		}
	}
	if len(sections) == 0 {
		t.Logf("%s/%s: no sections", lang, slug)
	}
}

// checkParallel checks a parallel page against the data: a row per block,
// labelled, with a cell per language holding the block's sentences in
// order, each reading exactly as in the data; the sentences of the page's
// language carry their ids (paragraphs and items), the others none.
func checkParallel(t *testing.T, lang, slug, page string, blocks []dataBlock) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var rows []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && attr(n, "id") != "" {
			rows = append(rows, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(rows) != len(blocks) {
		t.Fatalf("%s/%s/parallel: %d rows, want one per block (%d)", lang, slug, len(rows), len(blocks))
	}
	elements := func(n *html.Node) []*html.Node {
		var out []*html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				out = append(out, c)
			}
		}
		return out
	}
	for i, row := range rows {
		b := blocks[i]
		cells := elements(row)
		if len(cells) != 3 || cells[0].Data != "th" {
			t.Errorf("%s/%s/parallel: row %s: %d cells, want a label and a cell per language", lang, slug, attr(row, "id"), len(cells))
			continue
		}
		if label := strings.TrimSpace(text(cells[0])); label == "" || strings.Contains(label, "{") {
			t.Errorf("%s/%s/parallel: row %s labelled %q", lang, slug, attr(row, "id"), label)
		}
		for k, cell := range cells[1:] {
			cl := []string{"zh", "en"}[k]
			if want := []string{"zh-Hans", "en"}[k]; attr(cell, "lang") != want {
				t.Errorf("%s/%s/parallel: row %s cell %d has lang %q, want %q", lang, slug, attr(row, "id"), k, attr(cell, "lang"), want)
			}
			els := elements(cell)
			if len(els) != len(b.Sentences) {
				t.Errorf("%s/%s/parallel: row %s, %s: %d sentences, want %d", lang, slug, attr(row, "id"), cl, len(els), len(b.Sentences))
				continue
			}
			for j, sn := range b.Sentences {
				want := sn.ZH
				if cl == "en" && sn.EN != "" {
					want = sn.EN
				}
				if have := text(els[j]); have != want {
					t.Errorf("%s/%s/parallel: %s in %s reads %q, want %q", lang, slug, sn.ID, cl, have, want)
				}
				wantID := ""
				if cl == lang && (b.Kind == "paragraph" || b.Kind == "item") {
					wantID = sn.ID
				}
				if id := attr(els[j], "id"); id != wantID {
					t.Errorf("%s/%s/parallel: %s in %s has id %q, want %q", lang, slug, sn.ID, cl, id, wantID)
				}
			}
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

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
