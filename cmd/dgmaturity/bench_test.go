package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkStartup measures, on the built binary, the time from exec to
// its first byte of output: "version" (`dgmaturity --version`) is the
// floor of any run, the process start and the command tree; "instrument"
// (`dgmaturity questionnaire show`) adds loading the embedded instrument
// and rendering it, the work that comes before the interactive run's first
// screen. Neither is the first screen itself, which needs a terminal.
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
