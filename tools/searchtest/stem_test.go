package searchtest

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"policysite/tools/sitetest"
)

// TestStemmersAgree checks the page's stemmer (the vendored npm package
// "stemmer", run by Node) against the Go ground truth's
// (github.com/blevesearch/go-porterstemmer), word for word, on every word of
// the site's English text and glossary and on a general English word list
// (/usr/share/dict/words, Debian package wamerican). Both are said to be
// Porter (1980); a difference is a bug in one of them, and the search's
// ground truth would be wrong.
func TestStemmersAgree(t *testing.T) {
	node, err := exec.LookPath("node")
	sitetest.Require(t, err == nil, "Node.js", "apt-get install nodejs")
	root := sitetest.Root()
	c, err := LoadCorpus(root)
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	add := func(text string) {
		for _, w := range Words(text) {
			if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" {
				set[w] = true
			}
		}
	}
	for _, b := range c.Blocks["en"] {
		add(b.Text)
	}
	for _, g := range c.Glossary {
		add(strings.Join(append([]string{g.En}, g.Also...), " "))
	}
	siteWords := len(set)
	const dict = "/usr/share/dict/words"
	f, err := os.Open(dict)
	sitetest.Require(t, err == nil, "the English word list "+dict, "apt-get install wamerican")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := sc.Text(); !strings.Contains(w, "'") {
			add(w)
		}
	}
	f.Close()
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	sort.Strings(words)
	if siteWords < 500 {
		t.Fatalf("only %d words in the site's English text", siteWords)
	}

	vendor := filepath.Join(root, "assets", "js", "vendor", "stemmer", "index.js")
	script := `import { stemmer } from ` + jsString("file://"+filepath.ToSlash(vendor)) + `;
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  process.stdout.write(input.split("\n").filter(Boolean).map((w) => stemmer(w)).join("\n") + "\n");
});`
	cmd := exec.Command(node, "--input-type=module", "-e", script)
	cmd.Stdin = strings.NewReader(strings.Join(words, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	js := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(js) != len(words) {
		t.Fatalf("node stemmed %d words, want %d", len(js), len(words))
	}
	differ := 0
	for i, w := range words {
		if g := Stem(w); g != js[i] && len(w) >= 3 {
			if differ++; differ <= 20 {
				t.Errorf("%q: page %q, ground truth %q", w, js[i], g)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d words stem differently", differ, len(words))
	}
	t.Logf("%d words agree (%d from the site)", len(words), siteWords)
}
