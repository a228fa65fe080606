// Command hanzimap writes the traditional→simplified character map the site
// search uses, limited to the characters that occur in the site.
//
// Usage:
//
//	go run ./tools/hanzimap [-data data] [-out data/search/t2s.json]
//
// The site text is simplified Chinese; a reader may type traditional
// characters (兩個先行, 數字孿生). The search page folds every query character
// through this map before matching. The map is derived, not typed: the
// candidates are the entries of OpenCC's character dictionaries (the Go module
// github.com/longbridgeapp/opencc, data embedded), each converted with
// OpenCC's own "t2s" converter; an entry is kept when the conversion changes
// the character and the simplified result occurs in the site's Chinese text
// (data/articles/*.json and data/glossary.toml). The output is sorted, so the
// same input gives the same bytes.
//
// Flags:
//
//	-data  the site's data directory (default "data")
//	-out   the JSON file to write (default "data/search/t2s.json")
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/longbridgeapp/opencc"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("hanzimap: ")
	dataDir := flag.String("data", "data", "the site's data directory")
	out := flag.String("out", filepath.Join("data", "search", "t2s.json"), "the JSON file to write")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/hanzimap [-data dir] [-out file]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	b, err := build(*dataDir)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
}

// build returns the JSON map {"traditional": "simplified", …}.
func build(dataDir string) ([]byte, error) {
	site, err := siteChars(dataDir)
	if err != nil {
		return nil, err
	}
	cands, err := candidates()
	if err != nil {
		return nil, err
	}
	t2s, err := opencc.New("t2s")
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, c := range cands {
		s, err := t2s.Convert(c)
		if err != nil {
			return nil, err
		}
		if s == c || len([]rune(s)) != 1 || !site[[]rune(s)[0]] {
			continue
		}
		m[c] = s
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.WriteString("{\n")
	for i, k := range keys {
		kb, _ := json.Marshal(k)
		vb, _ := json.Marshal(m[k])
		sep := ","
		if i == len(keys)-1 {
			sep = ""
		}
		fmt.Fprintf(&buf, "%s:%s%s\n", kb, vb, sep)
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

// siteChars returns the Han characters of the site's data files.
func siteChars(dataDir string) (map[rune]bool, error) {
	files, err := filepath.Glob(filepath.Join(dataDir, "articles", "*.json"))
	if err != nil {
		return nil, err
	}
	files = append(files, filepath.Join(dataDir, "glossary.toml"))
	site := map[rune]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, r := range string(b) {
			if unicode.Is(unicode.Han, r) {
				site[r] = true
			}
		}
	}
	if len(site) == 0 {
		return nil, fmt.Errorf("no Chinese text under %s", dataDir)
	}
	return site, nil
}

// candidates lists every single character of OpenCC's traditional→simplified
// and simplified→traditional character dictionaries, read from the module's
// source directory (the same files the module embeds).
func candidates() ([]string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/longbridgeapp/opencc").Output()
	if err != nil {
		return nil, fmt.Errorf("locate the opencc module: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "dictionary")
	seen := map[string]bool{}
	var list []string
	for _, name := range []string{"TSCharacters.txt", "STCharacters.txt"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			for _, field := range strings.Fields(sc.Text()) {
				if len([]rune(field)) == 1 && !seen[field] {
					seen[field] = true
					list = append(list, field)
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	sort.Strings(list)
	return list, nil
}
