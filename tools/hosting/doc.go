// Package hosting proves the built site on the real tools it is served and
// checked with: the W3C Nu HTML Checker and nginx. Its tests are part of
// `go test ./...`, and use the harness of tools/sitetest:
//
//	TestHTMLValid        every built page passes vnu.jar (--errors-only) in one JVM run
//	TestNginx            nginx serves the site under /zhoushan/ from the config
//	                     template nginx.conf.tmpl; every link and asset answers 200
//	                     with the right Content-Type, gzip, the CSP and the other
//	                     security headers and, on exactly the fingerprinted assets,
//	                     immutable caching (the pages are loaded in Chromium by
//	                     tools/sitetest, under the same CSP)
//	TestHeadersFile      the _headers file Hugo emits (Netlify, Cloudflare Pages)
//	                     sets the CSP everywhere and immutable caching on exactly
//	                     the fingerprinted assets
//	TestDeterministicBuild two builds of the same tree are byte-identical
//
// The tests that need a tool (java and tools/node/node_modules/vnu-jar,
// nginx) stop as sitetest.Require says when it is missing: a loud skip, or a
// failure under CI.
//
// The nginx configuration is rendered by Nginx.Config and started by Start,
// which reports a port another process took first (ErrPortTaken) so that the
// caller can pick another. To build the site and serve it with nginx on a
// free port (for Lighthouse, for example):
//
//	go run ./tools/hosting/serve
//
// which prints the base URL once nginx listens. To write the configuration
// for a host:
//
//	go run ./tools/hosting/nginxconf -root /tmp/www -prefix /zhoushan/ -listen 127.0.0.1:8080 -temp /tmp/ngx > /tmp/ngx/nginx.conf
//	nginx -p /tmp/ngx -c /tmp/ngx/nginx.conf -g 'daemon off;'
//
// where the site was built into /tmp/www/zhoushan with baseURL
// http://127.0.0.1:8080/zhoushan/.
package hosting
