//go:build unix

package main

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptAtPrompt presses ctrl+c (SIGINT, as a terminal sends it) at
// the first prompt of the line-by-line run, whose read of standard input
// is blocked: the run must end at once with exit code 130 and say so, not
// wait for more input (fang's signal context catches the interrupt, so the
// process does not die of it by itself).
func TestInterruptAtPrompt(t *testing.T) {
	bin := buildBinary(t, "")
	cmd := exec.Command(bin, "assess", "--accessible", "--out", t.TempDir())
	cmd.Env = []string{"HOME=" + t.TempDir(), "XDG_STATE_HOME=" + t.TempDir(), "NO_COLOR=1", "PATH=" + os.Getenv("PATH")}
	stdin, err := cmd.StdinPipe() // held open: the prompt waits
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the first prompt, then interrupt.
	buf := make([]byte, 256)
	var seen strings.Builder
	for !strings.Contains(seen.String(), "Organisation name:") {
		n, err := stdout.Read(buf)
		seen.Write(buf[:n])
		if err != nil {
			t.Fatalf("no prompt before %v; output: %q", err, seen.String())
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, stdout)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 130 {
			t.Fatalf("exit: %v, want code 130; stderr: %s", err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("stderr = %q, want the interruption said", stderr.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 10 s after ctrl+c")
	}
}
