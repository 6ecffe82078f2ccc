// Package safefile holds the file system steps every write of dgmaturity
// is built from: a finished temporary file beside its target, published by
// a rename (replacing) or a hard link (creating without replacing, in one
// step), the folder synced, and temporary files left by a killed run
// cleaned at the next write in that folder. It only uses calls that work
// alike on Linux, macOS and Windows.
package safefile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// tempMarker is in the name of every temporary file (.<target>.dgmaturity-tmp-<16 hex>),
// so that CleanStale removes only the tool's own files.
const tempMarker = ".dgmaturity-tmp-"

// StaleAge is the age from which CleanStale removes a temporary file: a
// write lasts milliseconds, so an older one was left by a run killed in the
// middle of it, and a younger one may be another run's write in progress.
const StaleAge = time.Minute

// SyncFile is (*os.File).Sync; tests replace it to make a write fail
// halfway.
var SyncFile = (*os.File).Sync

// WriteTemp writes data to a new temporary file in target's folder, syncs
// it and returns its path. perm is filtered by the umask, as for any file a
// program creates; when keep is a regular file's mode (the file being
// replaced), the temporary file gets that mode instead, so that replacing a
// 0600 report leaves it 0600. The folder must exist. On error nothing is
// left behind.
func WriteTemp(target string, data []byte, perm fs.FileMode, keep fs.FileMode) (_ string, err error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	var f *os.File
	var tmp string
	for range 10 {
		var rnd [8]byte
		_, _ = rand.Read(rnd[:]) // never fails (crypto/rand panics instead)
		tmp = filepath.Join(dir, "."+base+tempMarker+hex.EncodeToString(rnd[:]))
		f, err = os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	defer func() {
		if err != nil {
			f.Close() // a second Close only returns an error, ignored here
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return "", fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	if err = SyncFile(f); err != nil {
		return "", fmt.Errorf("write %s: sync: %w", target, unwrap(err))
	}
	if keep != 0 && runtime.GOOS != "windows" {
		if err = f.Chmod(keep.Perm()); err != nil {
			return "", fmt.Errorf("write %s: %w", target, unwrap(err))
		}
	}
	if err = f.Close(); err != nil {
		return "", fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	return tmp, nil
}

// Replace publishes the finished temporary file tmp at target, replacing
// what is there (a symbolic link at target is replaced, not followed).
func Replace(tmp, target string) error {
	if err := rename(tmp, target); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	return nil
}

// link is os.Link; tests replace it to stand for a file system without
// hard links.
var link = os.Link

// CreateNew publishes the finished temporary file tmp at target only if
// nothing is there, in one step: a hard link, which refuses an existing
// target on Linux, macOS and Windows alike, so that of two runs racing for
// one name exactly one wins. Where the file system has no hard links, it
// falls back to creating target exclusively (O_EXCL) and copying. tmp is
// removed unless the target exists (the error then wraps fs.ErrExist and
// the caller decides).
func CreateNew(tmp, target string) error {
	err := link(tmp, target)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("write %s: %w", target, fs.ErrExist)
	}
	// No hard links here (FAT, some network shares): create exclusively
	// and copy.
	if err := copyNew(tmp, target); err != nil {
		if !errors.Is(err, fs.ErrExist) {
			os.Remove(tmp)
		}
		return err
	}
	os.Remove(tmp)
	return nil
}

func copyNew(tmp, target string) (err error) {
	src, err := os.Open(tmp)
	if err != nil {
		return fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	defer src.Close()
	st, err := src.Stat()
	if err != nil {
		return fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	dst, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, st.Mode().Perm())
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("write %s: %w", target, fs.ErrExist)
		}
		return fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	defer func() {
		if cerr := dst.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write %s: %w", target, unwrap(cerr))
		}
		if err != nil {
			os.Remove(target) // ours: created above
		}
	}()
	if _, err = io.Copy(dst, src); err != nil {
		return fmt.Errorf("write %s: %w", target, unwrap(err))
	}
	if err = SyncFile(dst); err != nil {
		return fmt.Errorf("write %s: sync: %w", target, unwrap(err))
	}
	return nil
}

// SyncDir makes the folder's entries (a rename, a link) durable. Windows
// cannot open a folder for syncing; there the replace itself asks for
// write-through (rename_windows.go).
func SyncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return nil // the files are in place; only durability is in doubt
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync folder %s: %w", dir, unwrap(err))
	}
	return nil
}

// IsTemp reports whether name is the name of one of WriteTemp's files.
func IsTemp(name string) bool {
	i := strings.LastIndex(name, tempMarker)
	if !strings.HasPrefix(name, ".") || i < 1 {
		return false
	}
	suffix := name[i+len(tempMarker):]
	if len(suffix) != 16 {
		return false
	}
	_, err := hex.DecodeString(suffix)
	return err == nil
}

// CleanStale removes, best effort, the temporary files in dir that are at
// least StaleAge old: what a run killed in the middle of a write left.
func CleanStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	now := time.Now()
	for _, e := range entries {
		if !e.Type().IsRegular() || !IsTemp(e.Name()) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) >= StaleAge {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// ReadRegular reads path when it is a regular file of at most limit bytes;
// a folder, a device, a pipe or a larger file is refused without being
// read (a pipe would block, a device such as /dev/zero never ends).
func ReadRegular(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been swapped between Stat and Open: check again.
	if st2, err := f.Stat(); err != nil || !os.SameFile(st, st2) {
		return nil, fmt.Errorf("%s changed while being read", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return data, nil
}

// unwrap drops the path from an *fs.PathError or *os.LinkError, whose
// messages repeat the file name the caller's message already gives.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
