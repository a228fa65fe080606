package hosting_test

import (
	"slices"
	"testing"

	"policysite/tools/hosting"
)

// TestLinks checks hosting.Links on markup a browser reads without trouble
// and a naive parser gets wrong.
func TestLinks(t *testing.T) {
	type L = hosting.Link
	for _, c := range []struct {
		name, page string
		want       []L
	}{
		{"quoted and unquoted", `<a href="/a/">x</a><a href=/b/>y</a><a href='c.html'>z</a>`,
			[]L{{URL: "/a/", Nav: true, Tag: "a"}, {URL: "/b/", Nav: true, Tag: "a"}, {URL: "c.html", Nav: true, Tag: "a"}}},
		{"upper case", `<A HREF="/a/">x</A><IMG SRC=i.png>`,
			[]L{{URL: "/a/", Nav: true, Tag: "a"}, {URL: "i.png", Tag: "img"}}},
		{"entities are decoded", `<a href="/s/?q=1&amp;both=1">x</a><a href="/&#x6d7;/">y</a>`,
			[]L{{URL: "/s/?q=1&both=1", Nav: true, Tag: "a"}, {URL: "/\u06d7/", Nav: true, Tag: "a"}}},
		{"fragments are kept", `<a href="#p12">¶12</a><a href="section-3/#p12">x</a>`,
			[]L{{URL: "#p12", Nav: true, Tag: "a"}, {URL: "section-3/#p12", Nav: true, Tag: "a"}}},
		{"no href, no link", `<a name="top">x</a><a>y</a><link rel="preconnect">`, nil},
		{"link rels, lower-cased", `<link rel="Stylesheet" href="s.css"><link rel="preload" href="f.woff2" as="font"><link rel=canonical href="https://example.org/zhoushan/">`,
			[]L{{URL: "s.css", Tag: "link", Rel: "stylesheet"}, {URL: "f.woff2", Tag: "link", Rel: "preload"}, {URL: "https://example.org/zhoushan/", Nav: true, Tag: "link", Rel: "canonical"}}},
		{"links the browser does not load are references", `<link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"><link rel="alternate" hreflang="en" href="/en/"><link rel="icon" href="/f.svg">`,
			[]L{{URL: "http://purl.org/dc/elements/1.1/", Nav: true, Tag: "link", Rel: "schema.dc"}, {URL: "/en/", Nav: true, Tag: "link", Rel: "alternate"}, {URL: "/f.svg", Tag: "link", Rel: "icon"}}},
		{"preload of a responsive image", `<link rel=preload as=image href="a.png" imagesrcset="a.png 1x, a@2.png 2x">`,
			[]L{{URL: "a.png", Tag: "link", Rel: "preload"}, {URL: "a.png", Tag: "link", Rel: "preload"}, {URL: "a@2.png", Tag: "link", Rel: "preload"}}},
		{"srcset", `<img src="a.png" srcset="a-480.png 480w,a-800.png 800w , a-1600.png   1600w" alt="">`,
			[]L{{URL: "a.png", Tag: "img"}, {URL: "a-480.png", Tag: "img"}, {URL: "a-800.png", Tag: "img"}, {URL: "a-1600.png", Tag: "img"}}},
		{"srcset URLs with commas", `<img srcset="i.png?w=1,2 1x,j.png, k.png 2x" src="i.png" alt="">`,
			[]L{{URL: "i.png", Tag: "img"}, {URL: "i.png?w=1,2", Tag: "img"}, {URL: "j.png", Tag: "img"}, {URL: "k.png", Tag: "img"}}},
		{"picture", `<picture><source srcset="a.avif" type="image/avif"><img src="a.jpg" alt=""></picture>`,
			[]L{{URL: "a.avif", Tag: "source"}, {URL: "a.jpg", Tag: "img"}}},
		{"media", `<video src="v.mp4" poster="p.jpg"><track src="t.vtt"></video><audio src="s.ogg"></audio>`,
			[]L{{URL: "v.mp4", Tag: "video"}, {URL: "p.jpg", Tag: "video"}, {URL: "t.vtt", Tag: "track"}, {URL: "s.ogg", Tag: "audio"}}},
		{"scripts, frames, objects", `<script src="j.js"></script><iframe src="f.html"></iframe><object data="o.svg"></object><embed src="e.svg"><input type="image" src="go.png" alt="go">`,
			[]L{{URL: "j.js", Tag: "script"}, {URL: "f.html", Tag: "iframe"}, {URL: "o.svg", Tag: "object"}, {URL: "e.svg", Tag: "embed"}, {URL: "go.png", Tag: "input"}}},
		{"text in a script is not markup", `<script>var s = '<a href="/not-a-link/">';</script><a href="/real/">r</a>`,
			[]L{{URL: "/real/", Nav: true, Tag: "a"}}},
		{"comments are not markup", `<!-- <a href="/old/">old</a> --><a href="/new/">new</a>`,
			[]L{{URL: "/new/", Nav: true, Tag: "a"}}},
		{"noscript content is markup for readers without JS", `<noscript><a href="/plain/">plain</a><img src="n.png" alt=""></noscript>`,
			[]L{{URL: "/plain/", Nav: true, Tag: "a"}, {URL: "n.png", Tag: "img"}}},
		{"SVG sprites", `<svg><use href="#i-search"/><use xlink:href="icons.svg#i-cite"></use><image href="b.png"/></svg>`,
			[]L{{URL: "#i-search", Tag: "use"}, {URL: "icons.svg#i-cite", Tag: "use"}, {URL: "b.png", Tag: "image"}}},
		{"forms and areas", `<form action="/search/"><input name=q></form><map><area href="/m/" alt=""></map>`,
			[]L{{URL: "/search/", Nav: true, Tag: "form"}, {URL: "/m/", Nav: true, Tag: "area"}}},
		{"meta refresh", `<meta http-equiv="Refresh" content="0; URL='/zh/'">`,
			[]L{{URL: "/zh/", Nav: true, Tag: "meta"}}},
		{"inline styles", `<style>body{background:url(bg.png)}</style><p style="background-image: url('p.png')">x</p>`,
			[]L{{URL: "bg.png", Tag: "style"}, {URL: "p.png", Tag: "p"}}},
		{"base href applies to every relative URL, fragments too", `<head><base href="/zhoushan/zh/"><link rel=stylesheet href="../css/s.css"></head><a href="glossary/">g</a><a href="#p1">1</a><a href="/abs/">a</a><a href="https://example.org/x">x</a>`,
			[]L{{URL: "/zhoushan/css/s.css", Tag: "link", Rel: "stylesheet"}, {URL: "/zhoushan/zh/glossary/", Nav: true, Tag: "a"}, {URL: "/zhoushan/zh/#p1", Nav: true, Tag: "a"}, {URL: "/abs/", Nav: true, Tag: "a"}, {URL: "https://example.org/x", Nav: true, Tag: "a"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := hosting.Links([]byte(c.page))
			if !slices.Equal(got, c.want) {
				t.Errorf("Links(%s)\n got %+v\nwant %+v", c.page, got, c.want)
			}
		})
	}
}

// TestCSSLinks checks hosting.CSSLinks on the ways a stylesheet refers to
// another file.
func TestCSSLinks(t *testing.T) {
	for _, c := range []struct {
		name, css string
		want      []string
	}{
		{"url forms", `a{background:url(a.png)} b{background:url('b.png')} c{background:url( "c d.png" )}`, []string{"a.png", "b.png", "c d.png"}},
		{"imports", `@import "x.css"; @import url(y.css) screen; @import 'z.css' print;`, []string{"x.css", "y.css", "z.css"}},
		{"fonts", `@font-face{font-family:F;src:url(f.woff2) format("woff2"),url(f.woff) format("woff")}`, []string{"f.woff2", "f.woff"}},
		{"data URLs are not requests", `a{background:url(data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>)} b{background:url("data:image/png;base64,AAAA")}`, nil},
		{"comments are not rules", `/* a{background:url(old.png)} @import "old.css"; */ a{background:url(new.png)}`, []string{"new.png"}},
		{"fragments and queries are kept", `a{mask:url(icons.svg#i-cite)} b{background:url(b.png?v=2)}`, []string{"icons.svg#i-cite", "b.png?v=2"}},
		{"image-set", `a{background-image:image-set("a.png" 1x, "a@2.png" 2x)}`, []string{"a.png", "a@2.png"}},
		{"none", `a{color:red}`, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := hosting.CSSLinks([]byte(c.css)); !slices.Equal(got, c.want) {
				t.Errorf("CSSLinks(%s)\n got %q\nwant %q", c.css, got, c.want)
			}
		})
	}
}
