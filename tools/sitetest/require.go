package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CI reports whether the tests run under continuous integration: the
// environment variable CI is set to anything but "", "0" or "false". There
// every tool must be installed, and a missing one fails the test.
func CI() bool {
	v := strings.TrimSpace(os.Getenv("CI"))
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// Require stops the test when a tool it needs is missing (ok is false): what
// names the tool, install says how to get it. Under CI the test fails.
// Otherwise it is skipped, and one loud line says so on the terminal.
func Require(t testing.TB, ok bool, what, install string) {
	t.Helper()
	if ok {
		return
	}
	if CI() {
		t.Fatalf("%s missing (install: %s); CI=%q requires every tool", what, install, os.Getenv("CI"))
	}
	msg := fmt.Sprintf("%s missing: %s SKIPPED (install: %s; with CI set it fails)", what, t.Name(), install)
	announce(msg)
	t.Skip(msg)
}

// announce prints a line where the person running the tests sees it.
//
// In package-list mode (go test ./...) the go command prints only "ok" for a
// package whose tests pass or skip, and discards everything those tests
// wrote, to stdout and to stderr alike: a skip message or a write to
// os.Stderr never reaches the terminal. The go command's own stderr does, so
// on Linux the line goes to /proc/<parent>/fd/2, the stderr of the go
// command that started this test binary. Elsewhere, or when that file cannot
// be opened (the binary was started another way), it goes to os.Stderr.
func announce(msg string) {
	line := fmt.Sprintf("\n*** %s: %s ***\n\n", strings.TrimSuffix(filepath.Base(os.Args[0]), ".test"), msg)
	if f, err := os.OpenFile(fmt.Sprintf("/proc/%d/fd/2", os.Getppid()), os.O_WRONLY|os.O_APPEND, 0); err == nil {
		_, err = f.WriteString(line)
		f.Close()
		if err == nil {
			return
		}
	}
	os.Stderr.WriteString(line)
}
