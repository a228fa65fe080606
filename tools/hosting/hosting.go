package hosting

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path"
	"regexp"
	"strings"
	"text/template"
)

// CSP is the Content-Security-Policy every host sends with every file: the
// nginx configuration and the test server of tools/sitetest send it.
const CSP = "default-src 'self'"

// Immutable is the Cache-Control of fingerprinted assets.
const Immutable = "public, max-age=31536000, immutable"

// fingerprint matches a file name carrying a Hugo fingerprint: the hex
// digest (md5 to sha512) before the extension, as in main.<sha256>.css.
var fingerprint = regexp.MustCompile(`\.[0-9a-f]{32,128}\.[A-Za-z0-9]+$`)

// FingerprintPattern is fingerprint as a PCRE, for nginx.
const FingerprintPattern = `\.[0-9a-f]{32,128}\.[A-Za-z0-9]+$`

// Fingerprinted reports whether the URL path or file name p names a
// fingerprinted asset, whose content never changes under that name.
func Fingerprinted(p string) bool { return fingerprint.MatchString(path.Base(p)) }

//go:embed nginx.conf.tmpl
var nginxTemplate string

var nginxTmpl = template.Must(template.New("nginx.conf").Parse(nginxTemplate))

// Nginx describes one nginx serving a built site.
type Nginx struct {
	Listen string // address to listen on, "127.0.0.1:8080"
	Prefix string // URL path the site lives under, "/zhoushan/"
	Root   string // folder holding the site under Prefix: Root + Prefix is the publish dir
	Temp   string // writable folder for the pid, logs and temp files
	// NotFound is the 404 page, relative to Prefix (default "404.html";
	// see NotFound).
	NotFound string
	// User is the user the workers run as when nginx is started as root
	// (nginx's default is nobody, who cannot read a private temp folder).
	User string
}

// Config renders the nginx configuration (nginx.conf.tmpl) for n.
func (n Nginx) Config() ([]byte, error) {
	if !strings.HasPrefix(n.Prefix, "/") || !strings.HasSuffix(n.Prefix, "/") {
		return nil, fmt.Errorf("prefix %q must start and end with /", n.Prefix)
	}
	for _, d := range []string{n.Root, n.Temp} {
		if !path.IsAbs(d) {
			return nil, fmt.Errorf("%q is not an absolute path", d)
		}
	}
	if n.NotFound == "" {
		n.NotFound = "404.html"
	}
	var b bytes.Buffer
	err := nginxTmpl.Execute(&b, struct {
		Nginx
		CSP, Immutable, Fingerprint string
	}{n, CSP, Immutable, FingerprintPattern})
	return b.Bytes(), err
}

// NotFound is the site's 404 page relative to the publish dir: the root one
// if Hugo wrote it, else the default language's.
func NotFound(publish string) string {
	for _, p := range []string{"404.html", "zh/404.html"} {
		if _, err := os.Stat(path.Join(publish, p)); err == nil {
			return p
		}
	}
	return ""
}
