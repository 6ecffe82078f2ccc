package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/creack/pty"
)

// BenchmarkStartup measures, on the built binary, the time from exec to
// its first byte of output: "version" (`dgmaturity --version`) is the
// floor of any run, the process start and the command tree; "instrument"
// (`dgmaturity questionnaire show`) adds loading the embedded instrument
// and rendering it; "first-screen" runs the interactive assessment in a
// pseudo-terminal of 80x24 and stops the clock when its first frame (the
// title bar) has arrived.
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "dgmaturity")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"version", []string{"--version"}},
		{"instrument", []string{"questionnaire", "show"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				firstByte(b, bin, bc.args...)
			}
		})
	}
	b.Run("first-screen", func(b *testing.B) {
		for b.Loop() {
			firstScreen(b, bin, "dgmaturity")
		}
	})
	// The start form, the first screen the user can act on: the drafts
	// have been looked up and the form drawn (by a diff of the first
	// frame: the screen is cleared once only).
	b.Run("start-form", func(b *testing.B) {
		for b.Loop() {
			firstScreen(b, bin, "Organisation (required)")
		}
	})
}

// firstScreen starts the interactive run in a pseudo-terminal and returns
// once the text want has been drawn (the title bar of the first frame, or
// a later screen's text).
func firstScreen(b *testing.B, bin, want string) {
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+b.TempDir(), "TERM=xterm-256color")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		b.Fatal(err)
	}
	var seen []byte
	buf := make([]byte, 4096)
	for !bytes.Contains(seen, []byte(want)) {
		n, err := tty.Read(buf)
		if err != nil {
			b.Fatalf("the interactive run drew nothing: %v", err)
		}
		seen = append(seen, buf[:n]...)
	}
	b.StopTimer()
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	_ = tty.Close()
	b.StartTimer()
}

// firstByte runs bin and returns once it has written its first byte; the
// rest of the run is not timed.
func firstByte(b *testing.B, bin string, args ...string) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "TERM=dumb")
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	var one [1]byte
	if _, err := io.ReadFull(out, one[:]); err != nil {
		b.Fatalf("%s %v printed nothing: %v", bin, args, err)
	}
	b.StopTimer()
	_, _ = io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		b.Fatalf("%s %v: %v", bin, args, err)
	}
	b.StartTimer()
}
