package main

import (
	"os"
	"path/filepath"
	"testing"

	"policysite/tools/scrape"
	"policysite/tools/translate"
)

// TestGenerate checks that every synthetic article parses, differs from the
// others, and has a complete, current translation: the splitter would run
// on it without -allow-pending.
func TestGenerate(t *testing.T) {
	out := t.TempDir()
	const n = 12
	if err := Generate(Options{N: n, Out: out, Root: "../..", Template: "zhoushan-two-firsts"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "config.toml")); err != nil {
		t.Errorf("site root not copied: %v", err)
	}
	titles := map[string]bool{}
	texts := map[string]bool{}
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
		titles[a.Title.Text] = true
		texts[string(zh)] = true
	}
	if len(titles) != n || len(texts) != n {
		t.Errorf("got %d distinct titles and %d distinct texts for %d articles", len(titles), len(texts), n)
	}
	// Same options, same bytes.
	again := t.TempDir()
	if err := Generate(Options{N: 2, Out: again, Root: "../..", Template: "zhoushan-two-firsts"}); err != nil {
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
