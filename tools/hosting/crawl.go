package hosting

import (
	"bytes"
	"compress/gzip"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Link is a URL a page refers to, as written.
type Link struct {
	URL string
	// Nav is true for a link the reader follows (a, area, form, meta
	// refresh), false for a resource the page loads or declares (link,
	// script, img, …), which must come from the site itself.
	Nav bool
	Tag string // the element that holds it: a, link, script, img, …
	Rel string // the rel attribute of a <link>, lower-cased
}

// Links returns every URL an HTML page refers to: links (a, area, link),
// sub-resources (script, img, source, video, audio, iframe, object, use,
// image, srcset candidates), form actions and the target of a meta refresh.
func Links(page []byte) []Link {
	var out []Link
	var tag, rel string
	res := func(u string) { out = append(out, Link{URL: u, Tag: tag, Rel: rel}) }
	nav := func(u string) { out = append(out, Link{URL: u, Nav: true, Tag: tag}) }
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		attr := func(name string) (string, bool) {
			for _, a := range tok.Attr {
				if a.Key == name || (name == "href" && a.Key == "xlink:href") {
					return a.Val, true
				}
			}
			return "", false
		}
		tag, rel = tok.Data, ""
		if tag == "link" {
			r, _ := attr("rel")
			rel = strings.ToLower(r)
		}
		switch tok.Data {
		case "a", "area":
			if v, ok := attr("href"); ok {
				nav(v)
			}
		case "link", "use", "image":
			if v, ok := attr("href"); ok {
				res(v)
			}
		case "script", "img", "iframe", "video", "audio", "source", "track", "embed":
			if v, ok := attr("src"); ok {
				res(v)
			}
		case "object":
			if v, ok := attr("data"); ok {
				res(v)
			}
		case "form":
			if v, ok := attr("action"); ok {
				nav(v)
			}
		case "meta":
			if v, _ := attr("http-equiv"); strings.EqualFold(v, "refresh") {
				c, _ := attr("content")
				if i := strings.Index(strings.ToLower(c), "url="); i >= 0 {
					nav(strings.Trim(c[i+4:], `'" `))
				}
			}
		}
		switch tok.Data {
		case "img", "source":
			if v, ok := attr("srcset"); ok {
				for _, cand := range strings.Split(v, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						res(f[0])
					}
				}
			}
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]`)

// CSSLinks returns the URLs a stylesheet loads (url(…), @import).
func CSSLinks(css []byte) []string {
	var out []string
	for _, m := range cssURL.FindAllSubmatch(css, -1) {
		u := string(m[1])
		if u == "" {
			u = string(m[2])
		}
		if !strings.HasPrefix(u, "data:") {
			out = append(out, u)
		}
	}
	return out
}

// GzipSize is the size of b compressed as nginx's gzip does by default
// (level 6): what a page or asset costs on the wire.
func GzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Len()
}
