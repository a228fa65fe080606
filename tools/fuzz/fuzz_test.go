// Package fuzz runs, as part of the test suite, each parser's fuzz test for
// a few seconds with Go's fuzzing engine: a plain `go test` only replays a
// fuzz test's seed corpus, and the engine runs one target at a time, in a
// `go test -fuzz` of its own. A failing input is written under the
// package's testdata/fuzz/, where every later `go test` replays it.
package fuzz

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"policysite/tools/sitetest"
)

// targets are the fuzz tests: package folder and test name.
var targets = []struct{ dir, name string }{
	{"tools/scrape", "FuzzParse"},
	{"tools/translate", "FuzzParsePO"},
	{"tools/glossary", "FuzzParse"},
	{"tools/emit", "FuzzBlockHTML"},
}

// fuzzTime is how long each target runs: FUZZTIME (a Go duration) or 5s.
func fuzzTime(t *testing.T) string {
	if v := os.Getenv("FUZZTIME"); v != "" {
		if _, err := time.ParseDuration(v); err != nil {
			t.Fatalf("FUZZTIME=%q: %v", v, err)
		}
		return v
	}
	return "5s"
}

func TestFuzz(t *testing.T) {
	root := sitetest.Root()
	d := fuzzTime(t)
	for _, f := range targets {
		// The fuzzed packages are not this test's dependencies: without this
		// go test would replay a cached pass after they change.
		sitetest.Watch(root, f.dir)
		t.Run(f.dir+"/"+f.name, func(t *testing.T) {
			cmd := exec.Command("go", "test", "-run=^$", "-fuzz=^"+f.name+"$", "-fuzztime="+d, "./"+f.dir)
			cmd.Dir = root
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("go test -fuzz=%s ./%s: %v\n%s", f.name, f.dir, err, out)
			}
		})
	}
}
