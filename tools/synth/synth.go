package main

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"regexp"

	"policysite/tools/article"
	"policysite/tools/scrape"
	"policysite/tools/translate"
)

// Options configure a run of Generate.
type Options struct {
	Seed     uint64 // varies the shapes (articles k of two seeds differ)
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
	pool, err := loadPool(opt.Root, opt.Template)
	if err != nil {
		return err
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
		text, english := pool.article(k, opt.Seed)
		dir := filepath.Join(opt.Out, "source", slug)
		a, err := scrape.Parse(filepath.Join(dir, "zh.txt"), slug, []byte(text))
		if err != nil {
			return fmt.Errorf("synthetic article %d does not parse: %v\n%s", k, err, text)
		}
		var b strings.Builder
		b.WriteString("msgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: " + slug + "\\n\"\n\"Language: en\\n\"\n" +
			"\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n")
		for _, u := range a.Units() {
			en, ok := english[u.Text]
			if !ok {
				return fmt.Errorf("synthetic article %d: no English for unit %s %q", k, u.ID, u.Text)
			}
			fmt.Fprintf(&b, "\nmsgctxt %s\nmsgid %s\nmsgstr %s\n", poQuote(u.ID), poQuote(u.Text), poQuote(en))
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

// poQuote writes s as a PO string.
func poQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// pair is a Chinese sentence and its English.
type pair struct{ zh, en string }

// pool holds the template article's sentences, sorted by the part they
// play, each with its translation: what synthetic articles are made of.
type pool struct {
	title, series, role, name, source, caption pair
	headings, leads, sentences, items          []pair
}

// loadPool reads the template article and its translation.
func loadPool(root, template string) (*pool, error) {
	dir := filepath.Join(root, "source", template)
	zh, err := os.ReadFile(filepath.Join(dir, "zh.txt"))
	if err != nil {
		return nil, err
	}
	a, err := scrape.Parse("zh.txt", template, zh)
	if err != nil {
		return nil, err
	}
	poData, err := os.ReadFile(filepath.Join(dir, "en.po"))
	if err != nil {
		return nil, err
	}
	cat, err := translate.Parse("en.po", poData)
	if err != nil {
		return nil, err
	}
	en, stale, err := cat.Resolve(a)
	if err != nil {
		return nil, err
	}
	if len(stale) > 0 {
		return nil, fmt.Errorf("%s: the template's translation is not complete: %v", dir, cat.StaleError(stale))
	}
	p := &pool{}
	one := func(b *article.Block) pair {
		if b == nil {
			return pair{}
		}
		return pair{b.Text(""), en[b.ID]}
	}
	p.title, p.series, p.role, p.name = one(&a.Title), one(a.Series), one(a.AuthorRole), one(a.AuthorName)
	p.source, p.caption = one(a.Source), one(a.Caption)
	for _, u := range a.Units() {
		pr := pair{u.Text, en[u.ID]}
		switch {
		case u.Kind == article.KindHeading:
			p.headings = append(p.headings, pr)
		case u.Lead:
			p.leads = append(p.leads, pr)
		case u.Kind == article.KindItem:
			p.items = append(p.items, pr)
		case u.Kind == article.KindParagraph && len(scrape.Sentences(u.Text+"甲")) == 2:
			// Only whole sentences (ending in 。！？): one ending in ：
			// would run into the next one.
			p.sentences = append(p.sentences, pr)
		}
	}
	if len(p.headings) == 0 || len(p.leads) == 0 || len(p.sentences) < 5 || len(p.items) < 3 {
		return nil, fmt.Errorf("%s: the template article is too small to make synthetic ones from", dir)
	}
	return p, nil
}

var (
	zhOrdinals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	enOrdinals = []string{"First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"}
	zhItem     = regexp.MustCompile(`^[一二三四五六七八九十]+是`)
	enItem     = regexp.MustCompile(`^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth),`)
)

// article renders synthetic article k as the CMS would have scraped it,
// with the English of each of its sentences by Chinese text. Its shape is
// drawn with a PRNG seeded with k and seed: optional breadcrumb, byline,
// source (with or without 《》) and caption; zero to two opening
// paragraphs; one to six parts, each with zero to seven paragraphs (with or
// without a lead) and sometimes an enumeration of three to ten items; zero
// to two closing paragraphs. The same k and seed give the same bytes.
func (p *pool) article(k int, seed uint64) (string, map[string]string) {
	r := rand.New(rand.NewPCG(uint64(k), seed))
	english := map[string]string{}
	use := func(pr pair) string {
		english[pr.zh] = pr.en
		return pr.zh
	}
	pick := func(ps []pair) pair { return ps[r.IntN(len(ps))] }
	para := func(lead bool) string {
		var s strings.Builder
		if lead {
			s.WriteString(use(pick(p.leads)))
		}
		for n := 1 + r.IntN(5); n > 0; n-- {
			s.WriteString(use(pick(p.sentences)))
		}
		return s.String()
	}
	var lines []string
	add := func(ls ...string) { lines = append(lines, ls...) }
	sep := "  "
	if r.IntN(5) > 0 {
		add("首页 > "+use(p.series), "")
	}
	title := pair{fmt.Sprintf("%s（第%d篇）", p.title.zh, k), fmt.Sprintf("%s (No. %d)", p.title.en, k)}
	add(use(title), "")
	date := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -k)
	dl := "发布日期:" + date.Format("2006-01-02")
	switch r.IntN(4) {
	case 0:
	case 1:
		dl += " 信息来源: 舟山日报"
		english["舟山日报"] = "Zhoushan Daily"
	default:
		dl += " 信息来源: " + use(p.source)
	}
	add(dl, "")
	if r.IntN(5) > 0 {
		add(use(p.role)+"\u00a0\u00a0"+use(p.name), "")
	}
	if r.IntN(3) == 0 {
		add(use(p.caption), "")
	}
	for n := r.IntN(3); n > 0; n-- {
		add(para(false), "")
	}
	parts := 1 + r.IntN(6)
	for i := 0; i < parts; i++ {
		add(sep, "", use(pick(p.headings)), "", sep, "")
		paras := r.IntN(8)
		list := -1
		if r.IntN(4) == 0 {
			list = r.IntN(paras + 1)
		}
		for j := 0; j <= paras; j++ {
			if j == list {
				add(p.enumeration(r, use), "")
			}
			if j < paras {
				add(para(r.IntN(2) == 0), "")
			}
		}
	}
	if n := r.IntN(3); n > 0 {
		add(sep, "")
		for ; n > 0; n-- {
			add(para(false), "")
		}
	}
	add("", "Produced By 大汉网络 大汉版通发布系统")
	return strings.Join(lines, "\n") + "\n", english
}

// enumeration makes an inline list 一是…；二是…；…三是…。 of three to ten
// items from the template's items, renumbered, with the English to match.
func (p *pool) enumeration(r *rand.Rand, use func(pair) string) string {
	n := 3 + r.IntN(8)
	var s strings.Builder
	for i := 0; i < n; i++ {
		it := p.items[r.IntN(len(p.items))]
		zh := zhOrdinals[i] + "是" + zhItem.ReplaceAllString(strings.TrimRight(it.zh, "；。"), "")
		en := enItem.ReplaceAllString(strings.TrimRight(it.en, ";."), enOrdinals[i]+",")
		if i == n-1 {
			zh, en = zh+"。", en+"."
		} else {
			zh, en = zh+"；", en+";"
		}
		s.WriteString(use(pair{zh, en}))
	}
	return s.String()
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
