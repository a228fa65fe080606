package hosting

import (
	"bytes"
	"compress/gzip"
	"net/url"
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

// Links returns every URL an HTML page refers to, in document order: links
// (a, area, link, the srcset of link rel=preload), sub-resources (script,
// img, source, video and its poster, audio, track, iframe, embed, object,
// input type=image, SVG use and image, srcset candidates, the url()s of
// <style> elements and style attributes), form actions and the target of a
// meta refresh. The content of <noscript> counts: it is what readers without
// JavaScript get. URLs are returned as written, entities decoded; when the
// page has a <base href>, relative URLs (fragments included) are returned
// resolved against it, as the browser resolves them.
func Links(page []byte) []Link {
	var base *url.URL
	if b := baseHref(page); b != "" {
		base, _ = url.Parse(strings.TrimSpace(b))
	}
	return links(page, base)
}

func links(page []byte, base *url.URL) []Link {
	var out []Link
	var tag, rel string
	add := func(u string, nav bool) {
		if base != nil {
			if ref, err := url.Parse(strings.TrimSpace(u)); err == nil {
				u = base.ResolveReference(ref).String()
			}
		}
		l := Link{URL: u, Nav: nav, Tag: tag}
		if tag == "link" {
			l.Rel = rel
		}
		out = append(out, l)
	}
	res := func(u string) { add(u, false) }
	nav := func(u string) { add(u, true) }
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.TextToken:
			// The tokenizer reads the content of these elements as text.
			switch tag {
			case "style":
				for _, u := range CSSLinks(z.Text()) {
					res(u)
				}
			case "noscript":
				out = append(out, links(z.Text(), base)...)
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			tag = ""
			continue
		}
		tok := z.Token()
		attr := func(name string) (string, bool) {
			for _, a := range tok.Attr {
				if a.Key == name || (name == "href" && a.Namespace == "xlink" && a.Key == "href") || (name == "href" && a.Key == "xlink:href") {
					return a.Val, true
				}
			}
			return "", false
		}
		tag, rel = tok.Data, ""
		if tag == "link" {
			r, _ := attr("rel")
			rel = strings.ToLower(strings.Join(strings.Fields(r), " "))
		}
		switch tag {
		case "a", "area":
			if v, ok := attr("href"); ok {
				nav(v)
			}
		case "link":
			// Only some links are loaded by the browser (a stylesheet, an
			// icon, a preload); the others name a related page or a
			// vocabulary (canonical, alternate, schema.DC) and are
			// references, like <a>.
			if v, ok := attr("href"); ok {
				if fetchedRel(rel) {
					res(v)
				} else {
					nav(v)
				}
			}
		case "use", "image":
			if v, ok := attr("href"); ok {
				res(v)
			}
		case "script", "img", "iframe", "video", "audio", "source", "track", "embed":
			if v, ok := attr("src"); ok {
				res(v)
			}
		case "input":
			if t, _ := attr("type"); strings.EqualFold(t, "image") {
				if v, ok := attr("src"); ok {
					res(v)
				}
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
		if v, ok := attr("poster"); ok && tag == "video" {
			res(v)
		}
		for _, name := range []string{"srcset", "imagesrcset"} {
			if v, ok := attr(name); ok && (tag == "img" || tag == "source" || (tag == "link" && name == "imagesrcset")) {
				for _, u := range srcset(v) {
					res(u)
				}
			}
		}
		if v, ok := attr("style"); ok {
			for _, u := range CSSLinks([]byte(v)) {
				res(u)
			}
		}
		if tt == html.SelfClosingTagToken {
			tag = ""
		}
	}
}

// baseHref returns the href of the page's first <base href>, or "".
func baseHref(page []byte) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if tok.Data != "base" {
				continue
			}
			for _, a := range tok.Attr {
				if a.Key == "href" {
					return a.Val
				}
			}
		}
	}
}

// srcset returns the URLs of the image candidates of a srcset attribute,
// parsed as the HTML standard says: a URL is a run of non-space characters
// (commas included, but not at its end), and its descriptors run to the
// next comma outside parentheses.
func srcset(v string) []string {
	var out []string
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	for i := 0; i < len(v); {
		for i < len(v) && (isSpace(v[i]) || v[i] == ',') {
			i++
		}
		start := i
		for i < len(v) && !isSpace(v[i]) {
			i++
		}
		u := v[start:i]
		if u == "" {
			break
		}
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			out = append(out, trimmed) // no descriptors
			continue
		}
		out = append(out, u)
		// Skip the descriptors, up to the next comma outside parentheses.
		for depth := 0; i < len(v) && (v[i] != ',' || depth > 0); i++ {
			switch v[i] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
	}
	return out
}

// cssToken matches what CSSLinks looks at in a stylesheet: comments and
// strings (skipped), url(…), @import "…", and the start of image-set(…).
var cssToken = regexp.MustCompile(`(?s)/\*.*?\*/` +
	`|url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*?))\s*\)` +
	`|@import\s+(?:"([^"]*)"|'([^']*)')` +
	`|(?:-webkit-)?image-set\(` +
	`|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`)

// CSSLinks returns the URLs a stylesheet loads, in order: url(…), @import
// and the strings of image-set(…); comments are skipped, and data: URLs,
// which load nothing.
func CSSLinks(css []byte) []string {
	var out []string
	add := func(u string) {
		if u != "" && !strings.HasPrefix(strings.ToLower(u), "data:") {
			out = append(out, u)
		}
	}
	for _, m := range cssToken.FindAllSubmatchIndex(css, -1) {
		tok := string(css[m[0]:m[1]])
		switch {
		case strings.HasPrefix(tok, "url("), strings.HasPrefix(tok, "@import"):
			for g := 1; g <= 5; g++ {
				if m[2*g] >= 0 {
					add(string(css[m[2*g]:m[2*g+1]]))
				}
			}
		case strings.HasSuffix(tok, "image-set("):
			// The quoted strings at the top level of its arguments; url()s
			// inside it are matched on their own.
			depth := 0
			for i := m[1]; i < len(css) && depth >= 0; i++ {
				switch c := css[i]; c {
				case '(':
					depth++
				case ')':
					depth--
				case '"', '\'':
					j := bytes.IndexByte(css[i+1:], c)
					if j < 0 {
						i = len(css)
						break
					}
					if depth == 0 {
						add(string(css[i+1 : i+1+j]))
					}
					i += j + 1
				}
			}
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

// fetchedRel reports whether a <link> with this rel (lower-cased, spaces
// normalised) is loaded by the browser.
func fetchedRel(rel string) bool {
	for _, r := range strings.Fields(rel) {
		switch r {
		case "stylesheet", "icon", "apple-touch-icon", "mask-icon", "preload", "modulepreload", "prefetch", "manifest":
			return true
		}
	}
	return false
}
