package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"policysite/tools/emit"
)

// TestUpToDate is -check in the test suite: content/, data/ and the .pot
// files are what the sources give.
func TestUpToDate(t *testing.T) {
	out := render(t)
	for _, s := range out.Stale {
		t.Errorf("stale: %s (run go run ./tools/split)", s)
	}
}

// The documented rules of the splitter (tools/scrape/doc.go), written
// again here, independently of the code under test, as a table: each
// turns the raw source lines into the text the site must show.
type rule struct {
	name  string
	apply func(lines []string) []string
}

var bylineGap = regexp.MustCompile(`[ \x{3000}]{2,}`)

// cjk is what the typography rule counts as Chinese: Han characters and
// the punctuation of Chinese text.
func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || strings.ContainsRune("“”‘’…—·", r)
}

var rules = []rule{
	{"a leading byte order mark is dropped", func(ls []string) []string {
		if len(ls) > 0 {
			ls[0] = strings.TrimPrefix(ls[0], "\uFEFF")
		}
		return ls
	}},
	{"CRLF line ends are line ends", func(ls []string) []string {
		for i := range ls {
			ls[i] = strings.TrimSuffix(ls[i], "\r")
		}
		return ls
	}},
	{"the CMS footer (Produced By …) at the end is dropped", func(ls []string) []string {
		for len(ls) > 0 && (strings.TrimSpace(ls[len(ls)-1]) == "" || strings.HasPrefix(strings.TrimSpace(ls[len(ls)-1]), "Produced By ")) {
			ls = ls[:len(ls)-1]
		}
		return ls
	}},
	{"NBSP is a space; lines are trimmed; blank and separator lines go", func(ls []string) []string {
		var out []string
		for _, l := range ls {
			if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
				out = append(out, l)
			}
		}
		return out
	}},
	{"the breadcrumb keeps its last segment", func(ls []string) []string {
		if strings.HasPrefix(ls[0], "首页") && strings.Contains(ls[0], ">") {
			parts := strings.Split(ls[0], ">")
			ls[0] = strings.TrimSpace(parts[len(parts)-1])
		}
		return ls
	}},
	{"the date line's labels go; date and source stay", func(ls []string) []string {
		for i, l := range ls {
			if strings.HasPrefix(l, "发布日期") {
				f := strings.Fields(strings.NewReplacer("发布日期", " ", "信息来源", " ", ":", " ", "：", " ").Replace(l))
				return append(append(append([]string{}, ls[:i]...), f...), ls[i+1:]...)
			}
		}
		return ls
	}},
	{"the byline's gap separates role and name", func(ls []string) []string {
		for i, l := range ls {
			if parts := bylineGap.Split(l, -1); len(parts) == 2 && len([]rune(l)) <= 40 && !strings.ContainsAny(l, "。，,；;：:") {
				return append(append(append([]string{}, ls[:i]...), parts...), ls[i+1:]...)
			}
		}
		return ls
	}},
	{"ASCII , ; : between Chinese (or at the end) become ，；：", func(ls []string) []string {
		full := map[rune]rune{',': '，', ';': '；', ':': '：'}
		for i, l := range ls {
			rs := []rune(l)
			for k, r := range rs {
				if w, ok := full[r]; ok && k > 0 && cjk(rs[k-1]) && (k == len(rs)-1 || cjk(rs[k+1])) {
					rs[k] = w
				}
			}
			ls[i] = string(rs)
		}
		return ls
	}},
}

// TestNothingLost applies the rules to each raw source file and compares
// the result, line by line and character by character, with what the
// splitter wrote to the article's data: metadata, then every block in
// reading order (a list's items together, as the one line they came
// from). The caption is data: it is taken out where it stands in the
// source. Every emitted sentence is checked to be part of its block.
func TestNothingLost(t *testing.T) {
	out := render(t)
	for _, slug := range out.Articles {
		t.Run(slug, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(root, sourceDir, slug, sourceFile))
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(string(raw), "\n")
			for _, r := range rules {
				want = r.apply(want)
			}
			var d emit.Data
			for _, f := range out.Files {
				if f.Path == emit.DataFile(slug) {
					if err := json.Unmarshal(f.Data, &d); err != nil {
						t.Fatal(err)
					}
				}
			}
			byID := map[string]emit.DataBlock{}
			for _, b := range d.Blocks {
				byID[b.ID] = b
			}
			have := []string{byID["series"].Text.ZH, byID["title"].Text.ZH, d.Date, byID["source"].Text.ZH, byID["author-role"].Text.ZH, byID["author-name"].Text.ZH}
			caption := byID["caption"].Text.ZH
			list := ""
			for _, b := range d.Blocks {
				var sentences []string
				for _, s := range b.Sentences {
					sentences = append(sentences, s.ZH)
				}
				if strings.Join(sentences, "") != b.Text.ZH {
					t.Errorf("%s: sentences %q do not make the block %q", b.ID, sentences, b.Text.ZH)
				}
				switch {
				case b.Parent != "" && b.Parent == list:
					have[len(have)-1] += b.Text.ZH
				case b.Parent != "":
					list = b.Parent
					have = append(have, b.Text.ZH)
				case b.Kind == "paragraph" || b.Kind == "heading":
					list = ""
					have = append(have, b.Text.ZH)
				}
			}
			if caption != "" {
				for i, l := range want {
					if i >= 6 && l == caption {
						want = append(want[:i:i], want[i+1:]...)
						break
					}
				}
			}
			if err := sameLines(want, have); err != nil {
				t.Error(err)
			}
		})
	}
}

// sameLines reports the first line where have differs from want, and the
// character where it does.
func sameLines(want, have []string) error {
	for i := 0; i < len(want) || i < len(have); i++ {
		var w, h string
		if i < len(want) {
			w = want[i]
		}
		if i < len(have) {
			h = have[i]
		}
		if w == h {
			continue
		}
		wr, hr := []rune(w), []rune(h)
		k := 0
		for k < len(wr) && k < len(hr) && wr[k] == hr[k] {
			k++
		}
		ctx := func(rs []rune) string { return string(rs[max(0, k-10):min(len(rs), k+10)]) }
		return fmt.Errorf("line %d differs at character %d (want %d lines, have %d):\n\twant …%s…\n\thave …%s…", i+1, k, len(want), len(have), ctx(wr), ctx(hr))
	}
	return nil
}

// TestSameLinesCatches shows the comparison fails when a character is
// dropped, added, replaced or moved, or a line is split or lost.
func TestSameLinesCatches(t *testing.T) {
	want := []string{"甲乙丙丁", "戊己"}
	for name, have := range map[string][]string{
		"dropped":  {"甲乙丁", "戊己"},
		"added":    {"甲乙丙丁的", "戊己"},
		"replaced": {"甲乙丙丁", "戊已"},
		"moved":    {"甲丙乙丁", "戊己"},
		"split":    {"甲乙", "丙丁", "戊己"},
		"lost":     {"甲乙丙丁"},
		"joined":   {"甲乙丙丁戊己"},
	} {
		if sameLines(want, have) == nil {
			t.Errorf("%s not detected", name)
		}
	}
	if err := sameLines(want, want); err != nil {
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
