package assessment

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dgmaturity/dgmaturity/internal/safefile"
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
	tmp, err := safefile.WriteTemp(path, data, perm, perm)
	if err != nil {
		return err
	}
	if err := safefile.Replace(tmp, path); err != nil {
		return err
	}
	return safefile.SyncDir(dirOf(path))
}

func dirOf(path string) string {
	if d := filepath.Dir(path); d != "" {
		return d
	}
	return "."
}

// Save writes a as an assessment file (see Marshal) with WriteFileAtomic,
// readable by all (0644): assessment files are meant to be shared. It is
// for tools and tests (synthetic data); commands publish through
// publish.Set.
func Save(path string, a *Assessment) error {
	data, err := Marshal(a)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return WriteFileAtomic(path, data, 0o644)
}

// CreateDraft saves a as a new draft in the state folder dir without ever
// replacing another: it tries DraftPath(dir, a), then the same name with
// "-2", "-3"... before the extension, creating each exclusively (a hard
// link of the finished file, see safefile.CreateNew), so that two sessions
// of one organisation and day started together get two drafts. It returns
// the path used.
func CreateDraft(dir string, a *Assessment) (string, error) {
	path := DraftPath(dir, a)
	folder := filepath.Dir(path)
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	data, err := Marshal(a)
	if err != nil {
		return "", fmt.Errorf("save draft: %w", err)
	}
	ext := filepath.Ext(path)
	stem := path[:len(path)-len(ext)]
	for i := 1; i < 1000; i++ {
		p := path
		if i > 1 {
			p = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		if _, err := os.Lstat(p); err == nil {
			continue // taken: skip without writing
		}
		tmp, err := safefile.WriteTemp(p, data, 0o600, 0o600)
		if err != nil {
			return "", fmt.Errorf("save draft: %w", err)
		}
		err = safefile.CreateNew(tmp, p)
		if errors.Is(err, fs.ErrExist) {
			os.Remove(tmp)
			continue // another session took it a moment ago
		}
		if err != nil {
			return "", fmt.Errorf("save draft: %w", err)
		}
		if err := safefile.SyncDir(folder); err != nil {
			return "", fmt.Errorf("save draft: %w", err)
		}
		return p, nil
	}
	return "", fmt.Errorf("save draft: no free draft name for %s", path)
}
