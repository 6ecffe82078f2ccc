package safefile

import (
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path so that a crash at any moment leaves
// either the previous file or the new one, never a part: it writes a
// uniquely named temporary file in the same folder, syncs it to disk, sets
// perm exactly (drafts must stay 0600 whatever the umask), renames it over
// path and syncs the folder. On every error the temporary file is removed
// and the previous file is left as it was. The folder must exist. A
// symbolic link at path is replaced by a regular file. Result files for
// people (reports, assessments) go through publish.Set instead, whose
// permissions follow the umask.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	tmp, err := WriteTemp(path, data, perm, perm)
	if err != nil {
		return err
	}
	if err := Replace(tmp, path); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(path))
}
