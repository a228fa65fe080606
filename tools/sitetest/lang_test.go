package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// TestLanguageOfText: on every page, every Chinese character a reader sees
// is inside an element marked as Chinese (lang="zh-…"), wherever the page's
// own language is English: in the article, the notes of the glossary, the
// footer. Screen readers choose their voice by lang; Chinese read by an
// English voice is spelled out or skipped.
func TestLanguageOfText(t *testing.T) {
	dir := Build(t, "http://127.0.0.1"+prefix)
	files, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pages++
		bad := 0
		for _, w := range unmarkedHan(doc) {
			if bad++; bad <= 5 {
				t.Errorf("%s: Chinese in an element of language %q: %q", f, w.lang, w.text)
			}
		}
		if bad > 5 {
			t.Errorf("%s: and %d more", f, bad-5)
		}
	}
	if pages == 0 {
		t.Fatal("no pages")
	}
}

type misplaced struct{ lang, text string }

// unmarkedHan lists the visible text nodes holding Han characters whose
// nearest lang attribute is not Chinese.
func unmarkedHan(doc *html.Node) []misplaced {
	var out []misplaced
	var walk func(n *html.Node, lang string)
	walk = func(n *html.Node, lang string) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template", "head":
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" && a.Namespace == "" {
					lang = a.Val
				}
			}
		}
		if n.Type == html.TextNode && !strings.HasPrefix(lang, "zh") && strings.IndexFunc(n.Data, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
			out = append(out, misplaced{lang, strings.TrimSpace(n.Data)})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, lang)
		}
	}
	walk(doc, "")
	return out
}
