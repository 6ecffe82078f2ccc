package main

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestInterruptAfterTheCommand presses ctrl+c after the command returned,
// on the way to the exit: the run's outcome stands (exit 0 here), where
// Go's default handler, back once fang stopped catching the signal, used
// to kill the process instead. The test runs itself as the program (run
// with --version) and sends the signal to its own thread, which takes it
// before tgkill returns: no timing is involved.
func TestInterruptAfterTheCommand(t *testing.T) {
	if os.Getenv("DGMATURITY_INTERRUPT_CHILD") == "1" {
		os.Args = []string{"dgmaturity", "--version"}
		code := run()
		runtime.LockOSThread()
		if err := syscall.Tgkill(os.Getpid(), syscall.Gettid(), syscall.SIGINT); err != nil {
			os.Exit(3)
		}
		os.Exit(code)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptAfterTheCommand$")
	cmd.Env = append(os.Environ(), "DGMATURITY_INTERRUPT_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the program interrupted after its command: %v, want exit 0\n%s", err, out)
	}
	if !strings.HasPrefix(string(out), "dgmaturity ") {
		t.Errorf("output %q; want the version", out)
	}
}
