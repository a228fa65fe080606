package main

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	toml "github.com/pelletier/go-toml/v2"

	"policysite/tools/article"
	"policysite/tools/emit"
	"policysite/tools/scrape"
)

func render(t testing.TB) *Output {
	t.Helper()
	var warn bytes.Buffer
	out, err := Render(Options{Root: root}, &warn)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestUpToDate is -check: content/, data/ and the .pot are what the
// sources give.
func TestUpToDate(t *testing.T) {
	out := render(t)
	stale, err := out.Check(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stale {
		t.Errorf("stale: %s (run go run ./tools/split)", s)
	}
}

// page is one emitted content file, split into front matter and body.
type page struct {
	Path  string
	Front struct {
		Title  string `toml:"title"`
		Params struct {
			Kind    string `toml:"kind"`
			Section string `toml:"section"`
			Series  string `toml:"series"`
			Source  string `toml:"source"`
			Caption string `toml:"caption"`
			Author  struct{ Role, Name string }
		} `toml:"params"`
		Date toml.LocalDate `toml:"date"`
	}
	Elements []element
}

// pages reads the emitted pages of an article: the article page (the whole
// text), then the section pages.
func pages(t testing.TB, files []emit.File, lang, slug string) []page {
	t.Helper()
	dir := emit.ContentDir(lang, slug)
	var order []string
	order = append(order, "_index.md")
	for i := 1; ; i++ {
		found := false
		for _, f := range files {
			if f.Path == path.Join(dir, emit.SectionFile(i)) {
				found = true
			}
		}
		if !found {
			break
		}
		order = append(order, emit.SectionFile(i))
	}
	var ps []page
	for _, name := range order {
		p := path.Join(dir, name)
		var data []byte
		for _, f := range files {
			if f.Path == p {
				data = f.Data
			}
		}
		if data == nil {
			continue
		}
		parts := strings.SplitN(string(data), "+++\n", 3)
		if len(parts) != 3 || parts[0] != "" {
			t.Fatalf("%s: no TOML front matter", p)
		}
		pg := page{Path: p}
		if err := toml.Unmarshal([]byte(parts[1]), &pg.Front); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		pg.Elements = elements(t, hugoRender(t, []byte(parts[2])))
		ps = append(ps, pg)
	}
	return ps
}

// TestHugoRoundTrip renders every emitted Markdown file with Hugo's
// goldmark and checks that each block comes out with its id and exactly the
// model's text: no character of the source turned into markup.
func TestHugoRoundTrip(t *testing.T) {
	out := render(t)
	for i, slug := range out.Articles {
		for _, a := range []*article.Article{out.Models[i].ZH, out.Models[i].EN} {
			t.Run(a.Lang+"/"+slug, func(t *testing.T) {
				ps := pages(t, out.Files, a.Lang, slug)
				n := 0
				for _, p := range ps {
					have := map[string]element{}
					for _, e := range p.Elements {
						if _, dup := have[e.ID]; dup {
							t.Errorf("%s: id %s twice", p.Path, e.ID)
						}
						have[e.ID] = e
					}
					check := func(b *article.Block, want string) {
						n++
						e, ok := have[b.ID]
						if !ok {
							t.Errorf("%s: block %s has no element with its id", p.Path, b.ID)
							return
						}
						if e.Text != want {
							t.Errorf("%s: block %s renders as\n\t%q\nwant\n\t%q", p.Path, b.ID, e.Text, want)
						}
						if b.Pending && e.Lang != emit.HTMLLang("zh") {
							t.Errorf("%s: pending block %s has lang %q", p.Path, b.ID, e.Lang)
						}
					}
					// The article page holds every block and heading; a
					// section page the blocks of its section.
					sec := p.Front.Params.Section
					a.Walk(func(s *article.Section, b *article.Block) {
						if p.Front.Params.Kind == "section" && (s == nil || s.ID() != sec || b.Kind == article.KindHeading) {
							return
						}
						switch {
						case b.Kind == article.KindHeading:
							check(b, b.Text)
						case b.Kind == article.KindList:
							if e, ok := have[b.ID]; !ok || e.Tag != "ol" {
								t.Errorf("%s: list %s is not an <ol id=%q>: %+v", p.Path, b.ID, b.ID, e)
							}
							for k := range b.Items {
								check(&b.Items[k], b.Items[k].Text)
							}
						case b.N > 0:
							check(b, b.Full(a.Sep(b)))
						}
					})
				}
				if n < 10 {
					t.Errorf("only %d blocks checked", n)
				}
			})
		}
	}
}

// TestNothingLost recomputes the body text of each source file by the
// documented rules alone and compares it, character by character, with
// what the emitted Chinese pages say.
func TestNothingLost(t *testing.T) {
	out := render(t)
	for _, slug := range out.Articles {
		t.Run(slug, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(root, sourceDir, slug, sourceFile))
			if err != nil {
				t.Fatal(err)
			}
			wantMeta, wantBody := sourceText(raw)
			ps := pages(t, out.Files, "zh", slug)
			haveMeta, haveBody := emittedText(ps)
			if err := sameText(strings.Join(wantMeta, "|"), strings.Join(haveMeta, "|")); err != nil {
				t.Errorf("metadata: %v", err)
			}
			// The caption is metadata (front matter), not body text: take it
			// out of the source body where it stands.
			caption := ps[0].Front.Params.Caption
			body := wantBody
			if caption != "" {
				body = nil
				removed := false
				for _, l := range wantBody {
					if !removed && l == caption {
						removed = true
						continue
					}
					body = append(body, l)
				}
				if !removed {
					t.Errorf("caption %q is not a line of the source", caption)
				}
			}
			if err := sameText(strings.Join(body, ""), strings.Join(haveBody, "")); err != nil {
				t.Error(err)
			}
		})
	}
}

// sourceText applies the documented rules to a source file, line by line,
// without the parser: BOM and line ends dropped, NBSP → space, trim, blank
// and separator lines dropped, the "Produced By" footer dropped, ，；：
// restored. The first four lines are the breadcrumb, title, date line and
// byline; their labels and separators are dropped.
func sourceText(raw []byte) (meta, body []string) {
	s := strings.TrimPrefix(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\uFEFF")
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
		if l == "" || strings.HasPrefix(l, "Produced By ") {
			continue
		}
		lines = append(lines, scrape.Typography(l))
	}
	crumb := strings.Split(lines[0], ">")
	meta = append(meta, strings.TrimSpace(crumb[len(crumb)-1]), lines[1])
	date := strings.NewReplacer("发布日期", "", "信息来源", "", ":", " ", "：", " ").Replace(lines[2])
	meta = append(meta, strings.Fields(date)...)
	meta = append(meta, strings.Fields(lines[3])...)
	return meta, lines[4:]
}

// emittedText is the text of the emitted article page: metadata from the
// front matter, body (headings included) from the rendered leaf elements.
func emittedText(ps []page) (meta, body []string) {
	fm := ps[0].Front
	meta = []string{fm.Params.Series, fm.Title, fm.Date.String(), fm.Params.Source, fm.Params.Author.Role, fm.Params.Author.Name}
	for _, e := range ps[0].Elements {
		if e.Leaf {
			body = append(body, e.Text)
		}
	}
	return meta, body
}

// sameText reports the first place where have differs from want: a missing,
// added or reordered character.
func sameText(want, have string) error {
	w, h := []rune(want), []rune(have)
	for i := 0; i < len(w) || i < len(h); i++ {
		if i < len(w) && i < len(h) && w[i] == h[i] {
			continue
		}
		ctx := func(rs []rune) string {
			lo, hi := max(0, i-12), min(len(rs), i+12)
			return string(rs[lo:hi])
		}
		return fmt.Errorf("text differs at character %d (want %d, have %d characters):\n\twant …%s…\n\thave …%s…", i, len(w), len(h), ctx(w), ctx(h))
	}
	return nil
}

// TestSameTextCatches shows the nothing-lost comparison fails when a
// character of the emitted text is dropped, added or moved.
func TestSameTextCatches(t *testing.T) {
	out := render(t)
	ps := pages(t, out.Files, "zh", out.Articles[0])
	_, body := emittedText(ps)
	text := []rune(strings.Join(body, ""))
	mutations := map[string]string{
		"dropped":   string(text[:500]) + string(text[501:]),
		"added":     string(text[:500]) + "的" + string(text[500:]),
		"reordered": string(text[:500]) + string(text[501]) + string(text[500]) + string(text[502:]),
		"truncated": string(text[:len(text)-1]),
	}
	for name, m := range mutations {
		if sameText(string(text), m) == nil {
			t.Errorf("%s character not detected", name)
		}
	}
	if err := sameText(string(text), string(text)); err != nil {
		t.Error(err)
	}
}

// TestNoASCIIPunctuationBetweenHan: after the typography rule no ASCII
// comma, semicolon or colon is left between Chinese characters in the
// Chinese model.
func TestNoASCIIPunctuationBetweenHan(t *testing.T) {
	out := render(t)
	for _, v := range out.Models {
		for _, u := range v.ZH.Units() {
			rs := []rune(u.Text)
			for i := 1; i+1 < len(rs); i++ {
				if strings.ContainsRune(",;:", rs[i]) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]) {
					t.Errorf("%s: ASCII %q between Chinese characters in %q", u.ID, rs[i], u.Text)
				}
			}
		}
	}
}
