// Serve builds the site and serves it with nginx as a host would, for tools
// that need the real server (the Lighthouse benchmark).
//
// Usage:
//
//	go run ./tools/hosting/serve [-prefix /zhoushan/] [-temp DIR]
//
// It picks a free loopback port, builds the site for
// http://127.0.0.1:PORT/PREFIX with the production flags (sitetest.BuildSite),
// starts nginx with the configuration of package hosting, prints the site's
// base URL on a line of its own once nginx listens, and serves until it is
// interrupted (SIGINT, SIGTERM). When another process takes the port before
// nginx binds it, it builds for another port and tries again, up to 5 times.
//
// Flags:
//
//	-prefix PATH  URL path of the site (default /zhoushan/)
//	-temp DIR     folder for the build and nginx's files (default: a new
//	              temporary folder, removed at the end)
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"policysite/tools/hosting"
	"policysite/tools/sitetest"
)

const attempts = 5

func main() {
	log.SetFlags(0)
	log.SetPrefix("serve: ")
	prefix := flag.String("prefix", "/zhoushan/", "URL path of the site")
	temp := flag.String("temp", "", "folder for the build and nginx's files (default: a new temporary folder)")
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	bin := hosting.NginxBinary()
	if bin == "" {
		log.Fatal("nginx missing: apt-get install -y nginx")
	}
	dir := *temp
	if dir == "" {
		d, err := os.MkdirTemp("", "serve-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(d)
		dir = d
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		log.Fatal(err)
	}
	srv, base, err := start(bin, dir, *prefix)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(base)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	select {
	case <-stop:
		srv.Stop()
	case <-srv.Done():
		log.Printf("nginx exited:\n%s", srv.Log())
		os.RemoveAll(dir)
		os.Exit(1)
	}
}

// start builds the site for a free port and serves it there with nginx.
func start(bin, dir, prefix string) (*hosting.Server, string, error) {
	www := filepath.Join(dir, "www")
	publish := filepath.Join(www, filepath.FromSlash(prefix))
	for attempt := 1; ; attempt++ {
		addr, err := hosting.FreeAddr()
		if err != nil {
			return nil, "", err
		}
		base := "http://" + addr + prefix
		if err := os.RemoveAll(publish); err != nil {
			return nil, "", err
		}
		if err := sitetest.BuildSite("", base, publish, filepath.Join(dir, "cache")); err != nil {
			return nil, "", err
		}
		n := hosting.Nginx{Listen: addr, Prefix: prefix, Root: www, Temp: filepath.Join(dir, "nginx"+strconv.Itoa(attempt)), NotFound: hosting.NotFound(publish)}
		if os.Geteuid() == 0 {
			n.User = "root" // the build is in a temporary folder only root may read
		}
		srv, err := hosting.Start(bin, n)
		if errors.Is(err, hosting.ErrPortTaken) && attempt < attempts {
			log.Printf("%v; building for another port", err)
			continue
		}
		return srv, base, err
	}
}
