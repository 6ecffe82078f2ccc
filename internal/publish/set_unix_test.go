//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// addSpecialFiles adds outputs that are no regular files: a link to a
// device that never ends and a pipe that blocks a reader.
func addSpecialFiles(dir string, cases map[string]string) {
	zero := filepath.Join(dir, "zero.md")
	if err := os.Symlink("/dev/zero", zero); err == nil {
		cases["a link to /dev/zero"] = zero
	}
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		cases["a FIFO"] = fifo
	}
}

func TestSetPermissions(t *testing.T) {
	old := syscall.Umask(0o027)
	t.Cleanup(func() { syscall.Umask(old) })
	dir := t.TempDir()
	fresh, kept := filepath.Join(dir, "new.md"), filepath.Join(dir, "private.md")
	write(t, kept, "x")
	if err := os.Chmod(kept, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := (Set{Outputs: []Output{{Path: fresh, Data: []byte("a")}, {Path: kept, Data: []byte("b")}}}).Publish(); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{fresh: 0o640, kept: 0o600} {
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v); want %v", filepath.Base(path), st.Mode().Perm(), err, want)
		}
	}
}
