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
	conf, err := n.Config()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(conf))
}
