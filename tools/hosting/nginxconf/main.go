// Nginxconf prints the nginx configuration that serves a built site.
//
// Usage:
//
//	go run ./tools/hosting/nginxconf -root DIR -prefix /zhoushan/ -listen 127.0.0.1:8080 -temp TMP > TMP/nginx.conf
//	nginx -p TMP -c TMP/nginx.conf -g 'daemon off;'
//
// The site must be built into DIR/zhoushan with the matching baseURL
// (http://127.0.0.1:8080/zhoushan/). See package hosting for what the
// configuration does.
//
// Flags:
//
//	-root DIR       folder holding the site under -prefix (required)
//	-prefix PATH    URL path of the site (default /zhoushan/)
//	-listen ADDR    listen address (default 127.0.0.1:8080)
//	-temp DIR       writable folder for the pid, logs and temp files (required)
//	-notfound FILE  the 404 page, relative to -prefix (default: the one the
//	                build in DIR/PATH has, root or Chinese; else 404.html)
//	-user NAME      user of the worker processes when started as root
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"policysite/tools/hosting"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("nginxconf: ")
	var n hosting.Nginx
	flag.StringVar(&n.Root, "root", "", "folder holding the site under -prefix (required)")
	flag.StringVar(&n.Prefix, "prefix", "/zhoushan/", "URL path of the site")
	flag.StringVar(&n.Listen, "listen", "127.0.0.1:8080", "listen address")
	flag.StringVar(&n.Temp, "temp", "", "writable folder for pid, logs, temp files (required)")
	flag.StringVar(&n.NotFound, "notfound", "", "the 404 page, relative to -prefix (default: the build's own)")
	flag.StringVar(&n.User, "user", "", "user of the worker processes when started as root (nginx default: nobody)")
	flag.Parse()
	if n.Root == "" || n.Temp == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	var err error
	if n.Root, err = filepath.Abs(n.Root); err != nil {
		log.Fatal(err)
	}
	if n.Temp, err = filepath.Abs(n.Temp); err != nil {
		log.Fatal(err)
	}
	if n.NotFound == "" {
		n.NotFound = hosting.NotFound(filepath.Join(n.Root, filepath.FromSlash(n.Prefix)))
	}
	conf, err := n.Config()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(conf))
}
