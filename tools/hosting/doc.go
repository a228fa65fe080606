// Package hosting proves the built site on the real tools it is served and
// checked with: the W3C Nu HTML Checker, nginx and Chromium. Its tests are
// part of `go test ./...`:
//
//	TestHTMLValid        every built page passes vnu.jar (--errors-only) in one JVM run
//	TestNginx            nginx serves the site under /zhoushan/ from the config
//	                     template nginx.conf.tmpl; every link and asset answers 200
//	                     with the right Content-Type, gzip, the CSP header and, on
//	                     fingerprinted assets, immutable caching; every page then
//	                     loads in Chromium with no console error, failed request
//	                     or CSP violation
//	TestHeadersFile      the _headers file Hugo emits (Netlify, Cloudflare Pages)
//	                     sets the CSP everywhere and immutable caching on exactly
//	                     the fingerprinted assets
//	TestDeterministicBuild two builds of the same tree are byte-identical
//
// The tests that need a tool skip with a loud message when it is missing
// (java and tools/node/node_modules/vnu-jar, nginx, chromium), except under
// CI=true, where a missing tool fails the test.
//
// The nginx configuration is rendered by Nginx.Config; to serve a build by
// hand (for Lighthouse, for example):
//
//	go run ./tools/hosting/nginxconf -root /tmp/www -prefix /zhoushan/ -listen 127.0.0.1:8080 -temp /tmp/ngx > /tmp/ngx/nginx.conf
//	nginx -p /tmp/ngx -c /tmp/ngx/nginx.conf -g 'daemon off;'
//
// where the site was built into /tmp/www/zhoushan with baseURL
// http://127.0.0.1:8080/zhoushan/.
package hosting
