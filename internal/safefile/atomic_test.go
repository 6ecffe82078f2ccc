package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	for _, content := range []string{"first\n", "second, longer\n", ""} {
		if err := WriteFileAtomic(path, []byte(content), 0o640); err != nil {
			t.Fatalf("WriteFileAtomic: %v", err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Errorf("file holds %q (%v), want %q", got, err, content)
		}
	}
	if runtime.GOOS != "windows" {
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != 0o640 {
			t.Errorf("mode = %v (%v), want 0640", st.Mode().Perm(), err)
		}
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("folder holds %q, want only a.json", names)
	}
	// A relative path in the current folder works too.
	t.Chdir(dir)
	if err := WriteFileAtomic("b.json", []byte("b"), 0o644); err != nil {
		t.Errorf("WriteFileAtomic(relative) = %v", err)
	}
}

// checkIntact fails unless the folder of path holds only path, with the
// previous content.
func checkIntact(t *testing.T, path, previous string) {
	t.Helper()
	if got, err := os.ReadFile(path); err != nil || string(got) != previous {
		t.Errorf("previous file holds %q (%v), want it intact", got, err)
	}
	if names := entries(t, filepath.Dir(path)); len(names) != 1 {
		t.Errorf("folder holds %q, want only %s (no temp files)", names, filepath.Base(path))
	}
}

func TestWriteFileAtomicFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	if err := WriteFileAtomic(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("sync fails", func(t *testing.T) {
		boom := errors.New("disk on fire")
		SyncFile = func(*os.File) error { return boom }
		t.Cleanup(func() { SyncFile = (*os.File).Sync })
		if err := WriteFileAtomic(path, []byte("new"), 0o644); !errors.Is(err, boom) {
			t.Errorf("WriteFileAtomic = %v, want the sync error", err)
		}
		checkIntact(t, path, "previous")
	})
	t.Run("rename fails", func(t *testing.T) {
		// Renaming a file over a non-empty folder fails on every system.
		sub := filepath.Join(dir, "sub")
		if err := os.MkdirAll(filepath.Join(sub, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(sub)
		if err := WriteFileAtomic(sub, []byte("new"), 0o644); err == nil {
			t.Errorf("WriteFileAtomic over a folder succeeded")
		}
		os.RemoveAll(sub)
		checkIntact(t, path, "previous")
	})
	t.Run("no folder", func(t *testing.T) {
		if err := WriteFileAtomic(filepath.Join(dir, "missing", "a.json"), []byte("x"), 0o644); err == nil {
			t.Errorf("WriteFileAtomic into a missing folder succeeded")
		}
		checkIntact(t, path, "previous")
	})
}
