package hosting

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLValid runs the W3C Nu HTML Checker (vnu.jar from the npm package
// vnu-jar in tools/node) over every HTML file of a build, in one JVM run,
// and fails on any error.
func TestHTMLValid(t *testing.T) {
	root := repoRoot(t)
	jar := filepath.Join(root, "tools", "node", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	require(t, err == nil, "java", "apt-get install -y default-jre-headless")
	_, err = os.Stat(jar)
	require(t, err == nil, jar, "cd tools/node && npm ci")

	dir := sharedBuild(t)
	var pages []string
	for _, f := range files(t, dir) {
		if strings.HasSuffix(f, ".html") {
			pages = append(pages, filepath.Join(dir, f))
		}
	}
	if len(pages) == 0 {
		t.Fatal("the build wrote no HTML page")
	}
	args := append([]string{"-Xss8m", "-jar", jar, "--errors-only", "--format", "json", "--stdout"}, pages...)
	cmd := exec.Command(java, args...)
	out, runErr := cmd.Output() // exit status 1 when there are errors
	var report struct {
		Messages []struct {
			Type, SubType, URL, Message, Extract string
			LastLine                             int
			LastColumn                           int
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		stderr := ""
		if ee, ok := runErr.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("vnu output is not JSON (%v, run error %v):\n%s\n%s", err, runErr, out, stderr)
	}
	n := 0
	for _, m := range report.Messages {
		if m.Type != "error" && m.SubType != "fatal" && m.Type != "non-document-error" {
			continue
		}
		n++
		file := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if rel, err := filepath.Rel(dir, u.Path); err == nil {
				file = rel
			}
		}
		t.Errorf("%s:%d:%d: %s\n\t%s", file, m.LastLine, m.LastColumn, m.Message, strings.TrimSpace(m.Extract))
	}
	if n == 0 && runErr != nil {
		t.Fatalf("vnu failed without reporting an error: %v", runErr)
	}
	t.Log(fmt.Sprintf("%d pages checked, %d errors", len(pages), n))
}
