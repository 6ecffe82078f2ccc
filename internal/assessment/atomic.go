package assessment

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// syncFile is (*os.File).Sync; tests replace it to make a write fail
// halfway.
var syncFile = (*os.File).Sync

// WriteFileAtomic writes data to path so that a crash at any moment leaves
// either the previous file or the new one, never a part: it writes a
// uniquely named temporary file in the same folder, syncs it to disk, sets
// perm (exactly, not masked by the umask), renames it over path and syncs
// the folder. On every error the temporary file is removed and the
// previous file is left as it was. The folder must exist. A symbolic link
// at path is replaced by a regular file.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close() // a second Close only returns an error, ignored here
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = syncFile(f); err != nil {
		return fmt.Errorf("write %s: sync: %w", path, err)
	}
	if err = f.Chmod(perm); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// The rename is durable only once the folder's entry is on disk.
	// Windows cannot open a folder for syncing; its rename is durable.
	if runtime.GOOS != "windows" {
		if d, derr := os.Open(dir); derr == nil {
			derr = d.Sync()
			d.Close()
			if derr != nil {
				// The new file is in place; only its durability is in doubt.
				return fmt.Errorf("write %s: sync folder: %w", path, derr)
			}
		}
	}
	return nil
}

// Save writes a as an assessment file (see Marshal) with WriteFileAtomic,
// readable by all (0644): assessment files are meant to be shared.
func Save(path string, a *Assessment) error {
	data, err := Marshal(a)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return WriteFileAtomic(path, data, 0o644)
}
