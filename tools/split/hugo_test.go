package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/markup/converter"
	"github.com/gohugoio/hugo/markup/converter/hooks"
	"github.com/gohugoio/hugo/markup/goldmark"
	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// root is the site root, two levels up from this package.
var root = filepath.Join("..", "..")

var (
	hugoOnce sync.Once
	hugoConv converter.Converter
	hugoErr  error
)

// hugoRender renders Markdown with Hugo's own goldmark converter, configured
// by the site's config.toml: what `go tool hugo` does to a content file's
// body.
func hugoRender(t testing.TB, md []byte) []byte {
	t.Helper()
	hugoOnce.Do(func() {
		abs, err := filepath.Abs(root)
		if err != nil {
			hugoErr = err
			return
		}
		flags := config.New()
		flags.Set("workingDir", abs)
		configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
			Fs: afero.NewOsFs(), Flags: flags, Filename: filepath.Join(abs, "config.toml"),
			Environ: []string{}, Logger: loggers.NewDefault(),
		})
		if err != nil {
			hugoErr = err
			return
		}
		p, err := goldmark.Provider.New(converter.ProviderConfig{Logger: loggers.NewDefault(), Conf: configs.GetFirstLanguageConfig()})
		if err != nil {
			hugoErr = err
			return
		}
		hugoConv, hugoErr = p.New(converter.DocumentContext{DocumentID: "split-test"})
	})
	if hugoErr != nil {
		t.Fatalf("hugo markdown converter: %v", hugoErr)
	}
	// No render hooks: the site's hooks add markup, not text.
	noHooks := func(hooks.RendererType, any) any { return nil }
	res, err := hugoConv.Convert(converter.RenderContext{Src: md, GetRenderer: noHooks})
	if err != nil {
		t.Fatal(err)
	}
	return res.Bytes()
}

// element is an HTML element with an id and its text.
type element struct {
	ID, Tag, Lang, Class, Text string
	Leaf                       bool // has no descendant with an id
}

// elements lists the elements with an id, in document order.
func elements(t testing.TB, htm []byte) []element {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(htm))
	if err != nil {
		t.Fatal(err)
	}
	var out []element
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var hasID func(*html.Node) bool
	hasID = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (attr(c, "id") != "" || hasID(c)) {
				return true
			}
		}
		return false
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && attr(n, "id") != "" {
			out = append(out, element{ID: attr(n, "id"), Tag: n.Data, Lang: attr(n, "lang"), Class: attr(n, "class"),
				Text: strings.TrimSpace(text(n)), Leaf: !hasID(n)})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
