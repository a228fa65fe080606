package main

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chai2010/gettext-go/po"

	"policysite/tools/scrape"
)

// Options configure a run of Generate.
type Options struct {
	N        int    // number of articles
	Out      string // output site root
	Root     string // real site root
	Template string // slug of the template article
}

// copied are the hand-written parts of the site root, copied as they are.
var copied = []string{"config.toml", "hugo.toml", "layouts", "assets", "i18n", "static", "data", "content", "archetypes"}

// Generate writes the synthetic site root described in the package doc.
func Generate(opt Options) error {
	if ents, err := os.ReadDir(opt.Out); err == nil && len(ents) > 0 {
		return fmt.Errorf("%s is not empty", opt.Out)
	}
	srcDir := filepath.Join(opt.Root, "source", opt.Template)
	zh, err := os.ReadFile(filepath.Join(srcDir, "zh.txt"))
	if err != nil {
		return err
	}
	poData, err := os.ReadFile(filepath.Join(srcDir, "en.po"))
	if err != nil {
		return err
	}
	tmpl, err := parseTemplate(string(zh))
	if err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(srcDir, "zh.txt"), err)
	}
	english, err := translations(poData)
	if err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(srcDir, "en.po"), err)
	}
	generated, err := generatedFolders(opt.Root)
	if err != nil {
		return err
	}
	for _, name := range copied {
		if err := copyTree(filepath.Join(opt.Root, name), filepath.Join(opt.Out, name), generated); err != nil {
			return err
		}
	}
	for k := 1; k <= opt.N; k++ {
		slug := slug(k)
		text := tmpl.article(k)
		dir := filepath.Join(opt.Out, "source", slug)
		a, err := scrape.Parse(filepath.Join(dir, "zh.txt"), slug, []byte(text))
		if err != nil {
			return fmt.Errorf("synthetic article %d does not parse: %v", k, err)
		}
		var b strings.Builder
		b.WriteString((&po.Header{
			ProjectIdVersion:        slug,
			ContentType:             "text/plain; charset=UTF-8",
			MimeVersion:             "1.0",
			ContentTransferEncoding: "8bit",
			Language:                "en",
		}).String())
		for _, u := range a.Units() {
			en, ok := english.byText[u.Text]
			if u.ID == "title" {
				en, ok = fmt.Sprintf("%s (No. %d)", english.title, k), true
			}
			if !ok {
				return fmt.Errorf("synthetic article %d: no English for unit %s %q", k, u.ID, u.Text)
			}
			b.WriteString("\n")
			b.WriteString((&po.Message{MsgContext: u.ID, MsgId: u.Text, MsgStr: en}).String())
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "zh.txt"), []byte(text), 0o644); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "en.po"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// english holds the template translation, looked up by Chinese text.
type english struct {
	byText map[string]string
	title  string
}

func translations(data []byte) (*english, error) {
	f, err := po.Load(data)
	if err != nil {
		return nil, err
	}
	e := &english{byText: map[string]string{}}
	for _, m := range f.Messages {
		e.byText[m.MsgId] = m.MsgStr
		if m.MsgContext == "title" {
			e.title = m.MsgStr
		}
	}
	if e.title == "" {
		return nil, fmt.Errorf("no entry for the title")
	}
	return e, nil
}

// template is the template article cut at its section separators: the
// lines before the first section, each section (separator, heading,
// separator, paragraphs) and the rest (closing paragraphs and footer).
type template struct {
	head     []string
	sections []section
	tail     []string
}

type section struct {
	heading []string // separator, blank, heading, blank, separator, blank
	paras   []string // the section's paragraphs, one line each
}

// isSep reports whether l is a separator line: spaces (or NBSPs) only.
func isSep(l string) bool { return l != "" && strings.TrimSpace(l) == "" }

func parseTemplate(src string) (*template, error) {
	lines := strings.Split(src, "\n")
	var seps []int
	for i, l := range lines {
		if isSep(l) {
			seps = append(seps, i)
		}
	}
	// A heading is the only non-blank line between two consecutive separators.
	var heads [][2]int // separator before, separator after
	for i := 0; i+1 < len(seps); i++ {
		a, b := seps[i], seps[i+1]
		n := 0
		for _, l := range lines[a+1 : b] {
			if strings.TrimSpace(l) != "" {
				n++
			}
		}
		if n == 1 {
			heads = append(heads, [2]int{a, b})
		}
	}
	if len(heads) < 2 {
		return nil, fmt.Errorf("found %d section headings, expected at least 2", len(heads))
	}
	t := &template{head: lines[:heads[0][0]]}
	end := -1
	for i, h := range heads {
		stop := len(lines)
		if i+1 < len(heads) {
			stop = heads[i+1][0]
		} else {
			for _, s := range seps {
				if s > h[1] {
					stop = s
					break
				}
			}
		}
		var s section
		s.heading = append(s.heading, lines[h[0]:h[1]+1]...)
		for _, l := range lines[h[1]+1 : stop] {
			if strings.TrimSpace(l) != "" {
				s.paras = append(s.paras, l)
			}
		}
		t.sections = append(t.sections, s)
		end = stop
	}
	t.tail = lines[end:]
	return t, nil
}

// article renders synthetic article k.
func (t *template) article(k int) string {
	r := rand.New(rand.NewPCG(uint64(k), 0x5eed))
	order := r.Perm(len(t.sections))
	if len(order) > 2 && r.IntN(3) == 0 {
		order = order[:len(order)-1] // leave one section out
	}
	date := time.Date(2022, 7, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -k)
	var out []string
	for i, l := range t.head {
		switch {
		case i == 2: // the title line, after the breadcrumb and a blank
			l = fmt.Sprintf("%s(第%d篇)", l, k)
		case strings.HasPrefix(l, "发布日期"):
			if j := strings.Index(l, " "); j > 0 {
				l = "发布日期:" + date.Format("2006-01-02") + l[j:]
			}
		}
		out = append(out, l)
	}
	for _, si := range order {
		s := t.sections[si]
		out = append(out, s.heading...)
		out = append(out, "")
		paras := append([]string(nil), s.paras...)
		r.Shuffle(len(paras), func(i, j int) { paras[i], paras[j] = paras[j], paras[i] })
		for _, p := range paras {
			out = append(out, p, "")
		}
	}
	out = append(out, t.tail...)
	return strings.Join(out, "\n")
}

// generatedFolders lists the content folders the splitter writes for the
// real site's articles (content/<lang>/<slug>) and data/articles: they are
// not copied.
func generatedFolders(root string) (map[string]bool, error) {
	skip := map[string]bool{filepath.Join(root, "data", "articles"): true}
	ents, err := os.ReadDir(filepath.Join(root, "source"))
	if err != nil {
		return nil, err
	}
	langs, _ := os.ReadDir(filepath.Join(root, "content"))
	for _, e := range ents {
		for _, l := range langs {
			skip[filepath.Join(root, "content", l.Name(), e.Name())] = true
		}
	}
	return skip, nil
}

// copyTree copies src (a file or a folder) to dst, leaving out the paths in
// skip. A missing src is not an error.
func copyTree(src, dst string, skip map[string]bool) error {
	if _, err := os.Stat(src); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if skip[p] {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// slug is the folder name of synthetic article k.
func slug(k int) string { return fmt.Sprintf("synth-%04d", k) }
