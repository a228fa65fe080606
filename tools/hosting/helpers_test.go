package hosting_test

import (
	"os"
	"testing"

	"policysite/tools/sitetest"
)

// The policy and the caching every host must send, written out here rather
// than taken from package hosting, so that the tests check what the servers
// send against what the README promises, not a constant against itself.
const (
	wantCSP       = "default-src 'self'"
	wantImmutable = "public, max-age=31536000, immutable"
)

// sharedBase is the baseURL of the build the file-level tests share.
const sharedBase = "http://127.0.0.1/zhoushan/"

// sharedBuild is one build with sharedBase, made once per test process for
// the tests that only read the files.
func sharedBuild(t testing.TB) string {
	t.Helper()
	return sitetest.Build(t, sharedBase)
}

// files lists the files of a build (slash-separated, relative), sorted.
func files(t testing.TB, dir string) []string {
	t.Helper()
	fs, err := sitetest.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) == 0 {
		t.Fatalf("%s: no file", dir)
	}
	return fs
}

func TestMain(m *testing.M) {
	code := m.Run()
	sitetest.RemoveBuilds()
	os.Exit(code)
}
