package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"policysite/tools/article"
	"policysite/tools/scrape"
	"policysite/tools/sitetest"
	"policysite/tools/translate"
)

// TestGenerate checks that every synthetic article parses, differs from the
// others, and has a complete, current translation: the splitter would run
// on it without -allow-pending.
func TestGenerate(t *testing.T) {
	out := t.TempDir()
	const n = 12
	if err := Generate(Options{N: n, Out: out, Root: sitetest.Root(), Template: "zhoushan-two-firsts"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "config.toml")); err != nil {
		t.Errorf("site root not copied: %v", err)
	}
	titles := map[string]bool{}
	texts := map[string]bool{}
	shapes := map[string]bool{}
	lists, leads := 0, 0
	for k := 1; k <= n; k++ {
		dir := filepath.Join(out, "source", slug(k))
		zh, err := os.ReadFile(filepath.Join(dir, "zh.txt"))
		if err != nil {
			t.Fatal(err)
		}
		a, err := scrape.Parse("zh.txt", slug(k), zh)
		if err != nil {
			t.Fatalf("article %d: %v", k, err)
		}
		poData, err := os.ReadFile(filepath.Join(dir, "en.po"))
		if err != nil {
			t.Fatal(err)
		}
		cat, err := translate.Parse("en.po", poData)
		if err != nil {
			t.Fatalf("article %d: %v", k, err)
		}
		_, stale, err := cat.Resolve(a)
		if err != nil {
			t.Fatalf("article %d: %v", k, err)
		}
		if len(stale) > 0 {
			t.Errorf("article %d: %v", k, cat.StaleError(stale))
		}
		titles[a.Title.Text("")] = true
		texts[string(zh)] = true
		shapes[fmt.Sprintf("series=%v byline=%v source=%v caption=%v opening=%d parts=%d closing=%d", a.Series != nil, a.AuthorName != nil, a.Source != nil, a.Caption != nil, len(a.Opening), len(a.Sections), len(a.Closing))] = true
		for _, p := range a.Paragraphs() {
			if p.Kind == article.KindList {
				lists++
			}
			if p.HasLead {
				leads++
			}
		}
	}
	if len(titles) != n || len(texts) != n {
		t.Errorf("got %d distinct titles and %d distinct texts for %d articles", len(titles), len(texts), n)
	}
	// The shapes vary: not copies of the template.
	if len(shapes) < n*2/3 || lists == 0 || leads == 0 {
		t.Errorf("%d distinct shapes in %d articles, %d lists, %d leads: %v", len(shapes), n, lists, leads, shapes)
	}
	// Same options, same bytes.
	again := t.TempDir()
	if err := Generate(Options{N: 2, Out: again, Root: sitetest.Root(), Template: "zhoushan-two-firsts"}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"zh.txt", "en.po"} {
		a, _ := os.ReadFile(filepath.Join(out, "source", slug(2), f))
		b, _ := os.ReadFile(filepath.Join(again, "source", slug(2), f))
		if string(a) != string(b) {
			t.Errorf("%s of article 2 differs between two runs", f)
		}
	}
}
