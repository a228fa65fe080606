package emit

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// md is goldmark with the extensions Hugo enables by default that can
// change text (tables, strikethrough, task lists, definition lists,
// footnotes), minus the ones config.toml turns off (linkify, typographer).
var md = goldmark.New(goldmark.WithExtensions(
	extension.Table, extension.Strikethrough, extension.TaskList,
	extension.DefinitionList, extension.Footnote,
	extension.NewCJK(extension.WithEscapedSpace()),
))

var tags = regexp.MustCompile(`<[^>]*>`)

// render returns the text goldmark makes of one escaped paragraph.
func render(t testing.TB, s string) string {
	var b bytes.Buffer
	if err := md.Convert([]byte(Escape(s)), &b); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(b.String())
	if s != "" && (!strings.HasPrefix(out, "<p>") || strings.Count(out, "<p>") != 1) {
		t.Fatalf("%q renders as %q, want one paragraph", s, out)
	}
	return html.UnescapeString(tags.ReplaceAllString(out, ""))
}

func TestEscape(t *testing.T) {
	for _, s := range []string{
		"舟山作为海洋特色鲜明的群岛城市，要深入贯彻落实省党代会决策部署。",
		"按照“可再生能源+储能+联合制氢+蓝碳”，建设清洁能源绿色转换枢纽。",
		"*emphasis* **strong** _u_ `code` [link](x) <b>tag</b> &amp; &copy;",
		"# not a heading", "> not a quote", "1. not a list", "12) nor this", "- nor", "+ this",
		"~~struck~~ | a | b |", "{#id .class}", "{{< shortcode >}} {{% x %}}",
		"back\\slash\\", "C:\\path", "a  b", "Term\n: definition",
		"[^1] footnote", "- [ ] task", "***", "===", "Zhoushan’s “Two Firsts”",
		"http://example.com www.example.com", "$x^2$ ==mark== H~2~O",
	} {
		want := strings.ReplaceAll(s, "\n", " ")
		if strings.Contains(s, "\n") {
			continue // the model never holds a line break
		}
		if have := render(t, s); have != want {
			t.Errorf("Escape(%q) renders as %q", s, have)
		}
	}
}

// FuzzEscape: any one-line trimmed text renders back to itself.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"舟山，港口；", "*a* _b_ <c> &d; [e](f)", "1. x", "\\", "{#p1}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8Valid(s) || strings.ContainsAny(s, "\n\r\t\x00\v\f") || strings.TrimSpace(s) != s || s == "" {
			return
		}
		// CommonMark collapses nothing inside a paragraph but entities and
		// escapes; it replaces NUL and invalid code points, which the model
		// never holds.
		for _, r := range s {
			if r == 0xFFFD || r < 0x20 || r == 0x7f {
				return
			}
		}
		if have := render(t, s); have != s {
			t.Errorf("Escape(%q) = %q renders as %q", s, Escape(s), have)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
