// Package fuzz runs, as part of the test suite, each parser's fuzz test for
// a few seconds with Go's fuzzing engine: a plain `go test` only replays a
// fuzz test's seed corpus, and the engine runs one target at a time, in a
// `go test -fuzz` of its own. A failing input is written under the
// package's testdata/fuzz/, where every later `go test` replays it.
package fuzz

import (
	"bytes"
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
			// Go's fuzzing engine now and then ends a run with "context
			// deadline exceeded" when -fuzztime runs out while a worker is
			// busy: no input failed, and none is written to testdata. Such
			// a run is tried again, up to three times in all; an input that
			// fails (written to testdata/fuzz) fails the test at once.
			for attempt := 1; ; attempt++ {
				cmd := exec.Command("go", "test", "-run=^$", "-fuzz=^"+f.name+"$", "-fuzztime="+d, "./"+f.dir)
				cmd.Dir = root
				out, err := cmd.CombinedOutput()
				if err == nil {
					return
				}
				if engineDeadline(out) && attempt < 3 {
					t.Logf("go test -fuzz=%s ./%s: the engine's own deadline, no failing input; again", f.name, f.dir)
					continue
				}
				t.Fatalf("go test -fuzz=%s ./%s: %v\n%s", f.name, f.dir, err, out)
			}
		})
	}
}

// engineDeadline reports whether a failed fuzzing run failed only on the
// engine's own deadline: "context deadline exceeded", and no failing input
// written.
func engineDeadline(out []byte) bool {
	return bytes.Contains(out, []byte("context deadline exceeded")) && !bytes.Contains(out, []byte("Failing input written to"))
}

func TestEngineDeadline(t *testing.T) {
	for _, c := range []struct {
		out  string
		want bool
	}{
		{"--- FAIL: FuzzParsePO (5.12s)\n    context deadline exceeded\nFAIL\n", true},
		{"--- FAIL: FuzzParse (0.10s)\n    panic: index out of range\n    Failing input written to testdata/fuzz/FuzzParse/abc\n", false},
		{"--- FAIL: FuzzParse (5.00s)\n    context deadline exceeded\n    Failing input written to testdata/fuzz/FuzzParse/abc\n", false},
		{"build failed\n", false},
	} {
		if got := engineDeadline([]byte(c.out)); got != c.want {
			t.Errorf("engineDeadline(%q) = %v, want %v", c.out, got, c.want)
		}
	}
}
