package hosting_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"policysite/tools/sitetest"
)

// TestDeterministicBuild builds the site twice, each with a fresh cache,
// into two folders and requires byte-identical trees: the same commit must
// always publish the same bytes (caches, CDNs and the fingerprints rely on it).
func TestDeterministicBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice")
	}
	const base = "https://example.org/zhoushan/"
	a, b := t.TempDir(), t.TempDir()
	sitetest.BuildTo(t, "", base, a)
	sitetest.BuildTo(t, "", base, b)
	fa, fb := files(t, a), files(t, b)
	inB := map[string]bool{}
	for _, f := range fb {
		inB[f] = true
	}
	var diff []string
	for _, f := range fa {
		if !inB[f] {
			diff = append(diff, f+": only in the first build")
			continue
		}
		delete(inB, f)
		x, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			diff = append(diff, f+": contents differ")
		}
	}
	for f := range inB {
		diff = append(diff, f+": only in the second build")
	}
	for _, d := range diff {
		t.Error(d)
	}
	t.Logf("%d files compared", len(fa))
}
