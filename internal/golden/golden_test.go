package golden

import (
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "x.golden")

	*update = true
	Check(t, path, []byte("one\ntwo\n"))
	*update = false
	if b, err := os.ReadFile(path); err != nil || string(b) != "one\ntwo\n" {
		t.Fatalf("-update wrote %q, %v", b, err)
	}

	r := &recorder{TB: t}
	Check(r, path, []byte("one\ntwo\n"))
	if r.failed {
		t.Error("Check failed on equal content")
	}
	r = &recorder{TB: t}
	Check(r, path, []byte("one\nthree\n"))
	if !r.failed {
		t.Error("Check passed on different content")
	}
	r = &recorder{TB: t}
	Check(r, filepath.Join(dir, "missing.golden"), []byte("x"))
	if !r.failed {
		t.Error("Check passed with no golden file")
	}
}
