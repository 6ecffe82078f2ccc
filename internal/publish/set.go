package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/safefile"
)

// The one output policy of dgmaturity. Every file a command writes (an
// assessment's three files, a report and its chart, a comparison and its
// CSV, a workshop's four files, an exported questionnaire) is published
// through a Set:
//
//   - the paths are planned first: an output that is one of the command's
//     inputs (the same file, by device and inode), a folder, a device or a
//     pipe at an output's name, a regular file where its folder should be,
//     or two outputs naming one file are refused as bad usage (exit 2)
//     before anything is written;
//   - every file of the set is written to a temporary file beside its
//     target and synced; if any of them fails (a full disk), all are
//     removed and nothing is published;
//   - then the set is published: files that must not replace another
//     (Output.Claim) are created in one step with a hard link of the
//     finished temporary file, which fails when the name is taken (two runs
//     racing for one name: one wins, the other is refused, nothing lost);
//     the others replace what is there with a rename; if a step fails, the
//     files created so far are removed again;
//   - permissions follow the umask; a replaced file keeps its mode;
//   - temporary files that a killed run left in an output folder are
//     removed at the next write there, once a minute old.

// MaxExisting is the size limit for reading an existing output (the
// assessment an Output.Claim looks at): the limit of every assessment read.
const MaxExisting = 16 * input.MiB

// Output is one file of a Set.
type Output struct {
	// Path is the file to write.
	Path string
	// Data is its content.
	Data []byte
	// Claim, when set, makes the file one that is created without
	// replacing another: when Path exists, it is read (a regular file of at
	// most MaxExisting bytes) and passed to Claim, which returns nil to
	// replace it (the same respondents' earlier assessment) or the error to
	// refuse with. A Claim output is published before the others.
	Claim func(existing []byte) error
}

// Set is the files one command run publishes, all or nothing.
type Set struct {
	// Outputs are published in order, the Claim outputs first.
	Outputs []Output
	// Inputs are the files the run read; an output that is one of them is
	// refused.
	Inputs []string
	// Perm is the permission the files are created with, before the
	// umask; 0 means 0666 (so 0644 under the usual umask 022).
	Perm fs.FileMode
	// Context, when set, stops the run before anything is published once
	// it is cancelled (ctrl+c): Publish then returns its error and leaves
	// nothing behind. Once publishing has begun it completes, so that an
	// interruption never leaves half a set.
	Context context.Context
}

// interrupted returns the context's error, if it is cancelled.
func (s Set) interrupted() error {
	if s.Context == nil {
		return nil
	}
	return s.Context.Err()
}

// Publish checks, writes and publishes the set; see the package comment.
// Refusals are *input.Refusal (exit 2); nothing is written then. The
// steps: plan (refusals), make the folders, write every temporary file,
// publish them (claims first), sync the folders.
func (s Set) Publish() error {
	perm := s.Perm
	if perm == 0 {
		perm = 0o666
	}
	keep, err := s.plan()
	if err != nil {
		return err
	}
	if err := s.interrupted(); err != nil {
		return err
	}
	w := &setWrite{tmps: make([]string, len(s.Outputs))}
	dirs, err := w.makeDirs(s.Outputs)
	if err != nil {
		return err
	}
	// Every temporary file first: a full disk or a quota stops the run
	// here, with nothing published.
	for i, o := range s.Outputs {
		t, err := safefile.WriteTemp(o.Path, o.Data, perm, keep[i])
		if err != nil {
			w.cleanup()
			return err
		}
		w.tmps[i] = t
	}
	if err := s.interrupted(); err != nil {
		w.cleanup()
		return err
	}
	if err := w.publish(s.Outputs); err != nil {
		return err
	}
	for _, dir := range dirs {
		if err := safefile.SyncDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// setWrite is what a Publish has done so far, to undo it on failure.
type setWrite struct {
	made    []string // folders this run created, deepest first
	tmps    []string // temporary file of each output ("" once used or removed)
	created []string // outputs claimed (created new) so far
}

// makeDirs creates the folders of the outputs, remembering those it
// made, and returns them (each once).
func (w *setWrite) makeDirs(outs []Output) ([]string, error) {
	var dirs []string
	for _, o := range outs {
		dir := filepath.Dir(o.Path)
		if slices.Contains(dirs, dir) {
			continue
		}
		dirs = append(dirs, dir)
		var missing []string
		for d := dir; ; d = filepath.Dir(d) {
			if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
				break
			}
			missing = append(missing, d)
		}
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return nil, fmt.Errorf("create output folder %s: %w", input.QuotePath(dir), unwrapPath(err))
		}
		w.made = append(w.made, missing...) // deepest first
		safefile.CleanStale(dir)
	}
	return dirs, nil
}

// cleanup removes the temporary files left and the folders made (if
// empty: another run may be writing there).
func (w *setWrite) cleanup() {
	for _, t := range w.tmps {
		if t != "" {
			os.Remove(t)
		}
	}
	for _, d := range w.made {
		os.Remove(d)
	}
}

// rollback removes the outputs claimed so far, then cleans up.
func (w *setWrite) rollback() {
	for _, c := range w.created {
		os.Remove(c)
	}
	w.cleanup()
}

// publish moves the temporary files into place: claims first, in order,
// then the rest; on failure it rolls back what it published.
func (w *setWrite) publish(outs []Output) error {
	order := make([]int, 0, len(outs))
	for i, o := range outs {
		if o.Claim != nil {
			order = append(order, i)
		}
	}
	for i, o := range outs {
		if o.Claim == nil {
			order = append(order, i)
		}
	}
	for _, i := range order {
		o := outs[i]
		if o.Claim != nil {
			claimed, err := w.claim(i, o)
			if err != nil {
				w.rollback()
				return err
			}
			if claimed {
				continue
			}
		}
		err := safefile.Replace(w.tmps[i], o.Path)
		w.tmps[i] = ""
		if err != nil {
			w.rollback()
			return err
		}
	}
	return nil
}

// claim creates output i new from its temporary file (claimed true), or,
// when the file exists, lets o.Claim accept or refuse replacing it.
func (w *setWrite) claim(i int, o Output) (claimed bool, err error) {
	err = safefile.CreateNew(w.tmps[i], o.Path)
	if err == nil {
		w.tmps[i] = ""
		w.created = append(w.created, o.Path)
		return true, nil
	}
	if !errors.Is(err, fs.ErrExist) {
		w.tmps[i] = "" // CreateNew removed it
		return false, err
	}
	data, rerr := safefile.ReadRegular(o.Path, MaxExisting)
	if rerr != nil {
		return false, input.Refuse("input.publish.exists_unchecked", "Path", input.QuotePath(o.Path), "Detail", rerr.Error())
	}
	return false, o.Claim(data)
}

// plan refuses outputs that cannot or must not be written, before anything
// is, and returns the mode of each output that exists (to keep it).
func (s Set) plan() ([]fs.FileMode, error) {
	keep := make([]fs.FileMode, len(s.Outputs))
	var existing []int
	infos := make([]fs.FileInfo, len(s.Outputs))
	for i, o := range s.Outputs {
		if o.Path == "" || strings.HasSuffix(o.Path, string(filepath.Separator)) || strings.HasSuffix(o.Path, "/") {
			return nil, input.Refuse("input.publish.folder_name", "Path", input.QuotePath(o.Path))
		}
		for j := range i {
			if filepath.Clean(s.Outputs[j].Path) == filepath.Clean(o.Path) {
				return nil, input.Refuse("input.publish.named_twice", "Path", input.QuotePath(o.Path))
			}
		}
		if err := CheckFolder(filepath.Dir(o.Path)); err != nil {
			return nil, err
		}
		st, err := os.Stat(o.Path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // nothing there (or a dangling link, which is replaced)
			}
			return nil, input.Refuse("input.publish.unchecked", "Path", input.QuotePath(o.Path), "Detail", unwrapPath(err).Error())
		}
		switch {
		case st.IsDir():
			return nil, input.Refuse("input.publish.is_folder", "Path", input.QuotePath(o.Path))
		case !st.Mode().IsRegular():
			return nil, input.Refuse("input.publish.not_regular", "Path", input.QuotePath(o.Path))
		}
		for j := range i {
			if infos[j] != nil && os.SameFile(infos[j], st) {
				return nil, input.Refuse("input.publish.same_file", "First", input.QuotePath(s.Outputs[j].Path), "Path", input.QuotePath(o.Path))
			}
		}
		infos[i] = st
		keep[i] = st.Mode().Perm()
		existing = append(existing, i)
	}
	// An output that does not exist cannot be an input; stat the inputs
	// only when one exists (compare reads thousands).
	if len(existing) == 0 {
		return keep, nil
	}
	for _, in := range s.Inputs {
		ist, err := os.Stat(in)
		if err != nil {
			continue
		}
		for _, i := range existing {
			if os.SameFile(ist, infos[i]) {
				return nil, input.Refuse("input.publish.is_input", "Path", input.QuotePath(s.Outputs[i].Path))
			}
		}
	}
	return keep, nil
}

// CheckFolder refuses an output folder that is a file, or lies below
// one: `--out report.md` where a folder was meant. A folder that does not
// exist yet is fine (it is created). Publish checks this itself; a run
// that asks questions calls it first, so as not to refuse at the end.
func CheckFolder(dir string) error {
	for d := dir; ; d = filepath.Dir(d) {
		st, err := os.Stat(d)
		if err == nil {
			if !st.IsDir() {
				return input.Refuse("input.publish.not_folder", "Path", input.QuotePath(d))
			}
			return nil
		}
		if parent := filepath.Dir(d); parent == d {
			return nil
		}
	}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
