package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateNew(t *testing.T) {
	for _, links := range []bool{true, false} {
		name := "hard link"
		if !links {
			name = "exclusive create and copy"
		}
		t.Run(name, func(t *testing.T) {
			if !links {
				link = func(string, string) error { return &os.LinkError{Op: "link", Err: errors.ErrUnsupported} }
				t.Cleanup(func() { link = os.Link })
			}
			dir := t.TempDir()
			target := filepath.Join(dir, "a.json")
			tmp, err := WriteTemp(target, []byte("first"), 0o666, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := CreateNew(tmp, target); err != nil {
				t.Fatalf("CreateNew on a free name: %v", err)
			}
			if _, err := os.Stat(tmp); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the temporary file is still there: %v", err)
			}
			tmp, err = WriteTemp(target, []byte("second"), 0o666, 0)
			if err != nil {
				t.Fatal(err)
			}
			if err := CreateNew(tmp, target); !errors.Is(err, fs.ErrExist) {
				t.Errorf("CreateNew on a taken name: %v; want fs.ErrExist", err)
			}
			if got, _ := os.ReadFile(target); string(got) != "first" {
				t.Errorf("the taken name now holds %q", got)
			}
			if _, err := os.Stat(tmp); err != nil {
				t.Errorf("the temporary file of the refused write is gone (the caller removes it): %v", err)
			}
		})
	}
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".a.json.dgmaturity-tmp-0123456789abcdef": true,
		"a.json.dgmaturity-tmp-0123456789abcdef":  false, // not hidden
		".a.json.dgmaturity-tmp-0123":             false, // too short
		".a.json.dgmaturity-tmp-0123456789abcdeg": false, // not hexadecimal
		".a.json.tmp-123456":                      false, // someone else's
	} {
		if got := IsTemp(name); got != want {
			t.Errorf("IsTemp(%q) = %v, want %v", name, got, want)
		}
	}
}
