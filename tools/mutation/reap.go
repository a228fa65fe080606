package main

import (
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// reap kills, every two seconds until stop is called and once more then,
// the test binaries under folder dir that outlived their go test. When a
// mutant times out, gremlins kills the go command it started but not the
// test binary go test runs; that one stops at its own -test.timeout, after
// printing every goroutine's stack, and a mutant that starts goroutines in
// a loop has millions of them: it would burn a core for many minutes. Only
// binaries built under dir (gremlins' working folder, given to it as
// TMPDIR) are touched. It needs Linux's /proc; elsewhere it does nothing.
func reap(dir string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(2 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				sweep(dir, true)
				return
			case <-t.C:
				sweep(dir, false)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// sweep kills the processes whose executable is under dir and whose parent
// is not a go command (all of them when all is set).
func sweep(dir string, all bool) {
	procs, _ := filepath.Glob("/proc/[0-9]*")
	for _, p := range procs {
		pid, err := strconv.Atoi(filepath.Base(p))
		if err != nil {
			continue
		}
		exe, err := os.Readlink(p + "/exe")
		if err != nil || !strings.HasPrefix(exe, dir+string(os.PathSeparator)) {
			continue
		}
		if !all && parentIsGo(p) {
			continue
		}
		if err := syscall.Kill(pid, syscall.SIGKILL); err == nil {
			log.Printf("killed %s (pid %d), left running by a timed-out mutant", filepath.Base(strings.TrimSuffix(exe, " (deleted)")), pid)
		}
	}
}

// parentIsGo reports whether the parent of process folder p (/proc/PID) is
// a go command.
func parentIsGo(p string) bool {
	stat, err := os.ReadFile(p + "/stat")
	if err != nil {
		return false
	}
	// pid (comm) state ppid …; comm may hold spaces and parentheses.
	s := string(stat)
	f := strings.Fields(s[strings.LastIndex(s, ")")+1:])
	if len(f) < 2 {
		return false
	}
	exe, err := os.Readlink("/proc/" + f[1] + "/exe")
	return err == nil && filepath.Base(exe) == "go"
}
