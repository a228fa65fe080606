package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"policysite/tools/sitetest"
)

// nginxconf builds the command once per test binary.
func nginxconf(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "nginxconf")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs the command and returns its stdout, its stderr and its exit code.
func run(t *testing.T, bin string, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return stdout.String(), stderr.String(), 0
	case errors.As(err, &exit):
		return stdout.String(), stderr.String(), exit.ExitCode()
	}
	t.Fatal(err)
	return "", "", 0
}

// TestConfig runs the command on a folder laid out like a build and checks
// the configuration it prints: the directives the hosting notes promise,
// with the paths and the 404 page of that build, and (when nginx is
// installed) that nginx accepts it.
func TestConfig(t *testing.T) {
	bin := nginxconf(t)
	tmp := t.TempDir()
	root := filepath.Join(tmp, "www")
	// A build whose 404 page is the Chinese one, as this site's is.
	if err := os.MkdirAll(filepath.Join(root, "zhoushan", "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "zhoushan", "zh", "404.html"), []byte("<!DOCTYPE html><title>404</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-root", root, "-prefix", "/zhoushan/", "-listen", "127.0.0.1:8080", "-temp", tmp}
	if os.Geteuid() == 0 {
		args = append(args, "-user", "root")
	}
	conf, stderr, code := run(t, bin, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"listen 127.0.0.1:8080;",
		"root " + root + ";",
		"pid " + tmp + "/nginx.pid;",
		"location /zhoushan/ {",
		"error_page 404 /zhoushan/zh/404.html;",
		`add_header Content-Security-Policy "default-src 'self'" always;`,
		"add_header X-Content-Type-Options nosniff always;",
		"add_header Referrer-Policy strict-origin-when-cross-origin always;",
		`add_header Cache-Control "no-cache" always;`,
		`location ~ "\.[0-9a-f]{32,128}\.[A-Za-z0-9]+$" {`,
		`add_header Cache-Control "public, max-age=31536000, immutable" always;`,
		"location = /zhoushan/_headers { return 404; }",
		"location = /zhoushan { return 301 /zhoushan/; }",
		"gzip on;",
		"charset utf-8;",
		"text/javascript            js mjs;",
	} {
		if !strings.Contains(conf, want) {
			t.Errorf("the configuration lacks %q", want)
		}
	}
	// Every header the prefix location adds, the fingerprint location adds
	// too (add_header in a block replaces the outer ones).
	if n := strings.Count(conf, `add_header Content-Security-Policy "default-src 'self'" always;`); n != 2 {
		t.Errorf("the CSP is added %d times, want 2 (pages and fingerprinted assets)", n)
	}

	nginx, err := exec.LookPath("nginx")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nginx"); serr == nil {
			nginx, err = "/usr/sbin/nginx", nil
		}
	}
	sitetest.Require(t, err == nil, "nginx", "apt-get install -y nginx")
	confFile := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(nginx, "-t", "-e", filepath.Join(tmp, "error.log"), "-p", tmp, "-c", confFile).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "test is successful") {
		t.Errorf("nginx -t: %v\n%s\n%s", err, out, conf)
	}
}

// TestUsage checks the command's refusals: missing flags and extra
// arguments are usage errors (exit 2), a bad prefix an error (exit 1).
func TestUsage(t *testing.T) {
	bin := nginxconf(t)
	tmp := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-temp", tmp}, 2, "-root"},
		{[]string{"-root", tmp}, 2, "-temp"},
		{[]string{"-root", tmp, "-temp", tmp, "extra"}, 2, "-root"},
		{[]string{"-root", tmp, "-temp", tmp, "-prefix", "zhoushan"}, 1, `nginxconf: prefix "zhoushan" must start and end with /`},
	} {
		stdout, stderr, code := run(t, bin, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) || stdout != "" {
			t.Errorf("nginxconf %s: exit %d, stdout %q, stderr %q; want exit %d, %q on stderr", strings.Join(c.args, " "), code, stdout, stderr, c.code, c.msg)
		}
	}
}
