package hosting_test

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"policysite/tools/sitetest"
)

// TestHTMLValid runs the W3C Nu HTML Checker (vnu.jar from the npm package
// vnu-jar in tools/node) over every HTML file of a build, in one JVM run,
// and fails on any error.
func TestHTMLValid(t *testing.T) {
	jar := filepath.Join(sitetest.Root(), "tools", "node", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	sitetest.Require(t, err == nil, "java", "apt-get install -y default-jre-headless")
	_, err = os.Stat(jar)
	sitetest.Require(t, err == nil, jar, "cd tools/node && npm ci")

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
	// A page with a known error goes along: a checker run that reports
	// nothing for it checked nothing.
	control := filepath.Join(t.TempDir(), "control.html")
	if err := os.WriteFile(control, []byte(`<!DOCTYPE html><html lang="en"><head></head><body><p>no title</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-Xss8m", "-jar", jar, "--errors-only", "--format", "json", "--stdout", control}, pages...)
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
	n, controlErrors := 0, 0
	for _, m := range report.Messages {
		if m.Type != "error" && m.SubType != "fatal" && m.Type != "non-document-error" {
			continue
		}
		if strings.HasSuffix(m.URL, "/control.html") {
			controlErrors++
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
	if controlErrors == 0 {
		t.Errorf("vnu reported no error in control.html, a page without a title: it checked nothing (run error %v)", runErr)
	}
	t.Logf("%d pages checked, %d errors", len(pages), n)
}
