package hosting

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// NginxBinary returns the nginx on the PATH, or /usr/sbin/nginx (where
// Debian installs it, often off a user's PATH), or "" when there is none.
func NginxBinary() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	return ""
}

// FreeAddr returns a loopback address whose port was free a moment ago.
// Another process may take it before nginx binds it: Start then returns
// ErrPortTaken, and the caller tries another.
func FreeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// ErrPortTaken is Start's error when another process holds the port.
var ErrPortTaken = errors.New("port taken")

// startTimeout bounds the start of nginx; on a taken port nginx retries the
// bind for 2.5 s before it gives up.
const startTimeout = 15 * time.Second

// Server is a running nginx, started by Start.
type Server struct {
	cmd    *exec.Cmd
	done   chan struct{}
	err    error // nginx's exit, once done is closed
	out    syncBuffer
	errLog string
}

// Start writes the configuration of n to n.Temp/nginx.conf and starts nginx
// (bin) with it, in the foreground. It returns once nginx has bound its
// port, which it does before it writes its pid file; ErrPortTaken (wrapped)
// when another process holds the port.
func Start(bin string, n Nginx) (*Server, error) {
	if err := os.MkdirAll(n.Temp, 0o755); err != nil {
		return nil, err
	}
	conf, err := n.Config()
	if err != nil {
		return nil, err
	}
	confFile := filepath.Join(n.Temp, "nginx.conf")
	if err := os.WriteFile(confFile, conf, 0o644); err != nil {
		return nil, err
	}
	s := &Server{done: make(chan struct{}), errLog: filepath.Join(n.Temp, "error.log")}
	pidFile := filepath.Join(n.Temp, "nginx.pid")
	// What an earlier nginx left in n.Temp must not be read as this one's.
	for _, f := range []string{s.errLog, pidFile} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	s.cmd = exec.Command(bin, "-e", s.errLog, "-p", n.Temp, "-c", confFile, "-g", "daemon off;")
	s.cmd.Stdout, s.cmd.Stderr = &s.out, &s.out
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() { s.err = s.cmd.Wait(); close(s.done) }()
	deadline := time.After(startTimeout)
	for {
		if b, err := os.ReadFile(pidFile); err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(s.cmd.Process.Pid) {
			return s, nil
		}
		select {
		case <-s.done:
			if log := s.Log(); strings.Contains(log, "Address already in use") {
				return nil, fmt.Errorf("nginx on %s: %w", n.Listen, ErrPortTaken)
			}
			return nil, fmt.Errorf("nginx exited before listening on %s: %v\n%s", n.Listen, s.err, s.Log())
		case <-deadline:
			s.cmd.Process.Kill()
			<-s.done
			return nil, fmt.Errorf("nginx wrote no pid file within %s\n%s", startTimeout, s.Log())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Stop stops nginx (fast shutdown, then a kill after 5 s) and waits for it.
func (s *Server) Stop() {
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// Done is closed when nginx exits.
func (s *Server) Done() <-chan struct{} { return s.done }

// Log returns the last lines nginx wrote to its output and error log.
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.errLog)
	lines := strings.Split(strings.TrimSpace(s.out.String()+string(b)), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}

// syncBuffer is a bytes.Buffer nginx writes to while Log reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
