package assessment

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dgmaturity/dgmaturity/internal/safefile"
)

// Save writes a as an assessment file (see Marshal) with
// safefile.WriteFileAtomic, readable by all (0644): assessment files are
// meant to be shared. It is for tools and tests (synthetic data); commands
// publish through publish.Set.
func Save(path string, a *Assessment) error {
	data, err := Marshal(a)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return safefile.WriteFileAtomic(path, data, 0o644)
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
