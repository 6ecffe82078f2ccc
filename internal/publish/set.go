package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
// Refusals are *input.UsageError (exit 2); nothing is written then.
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
	dirs := map[string]bool{}
	var made []string // folders this run created, removed again on failure
	for _, o := range s.Outputs {
		dir := filepath.Dir(o.Path)
		if dirs[dir] {
			continue
		}
		dirs[dir] = true
		var missing []string
		for d := dir; ; d = filepath.Dir(d) {
			if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
				break
			}
			missing = append(missing, d)
		}
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return fmt.Errorf("create output folder %s: %w", input.QuotePath(dir), unwrapPath(err))
		}
		made = append(made, missing...) // deepest first
		safefile.CleanStale(dir)
	}

	// Every temporary file first: a full disk or a quota stops the run
	// here, with nothing published.
	tmps := make([]string, len(s.Outputs))
	cleanup := func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t)
			}
		}
		for _, d := range made {
			os.Remove(d) // only if empty: another run may be writing there
		}
	}
	for i, o := range s.Outputs {
		t, err := safefile.WriteTemp(o.Path, o.Data, perm, keep[i])
		if err != nil {
			cleanup()
			return err
		}
		tmps[i] = t
	}

	if err := s.interrupted(); err != nil {
		cleanup()
		return err
	}

	// Publish: claims first, in order, then the rest.
	var created []string
	rollback := func() {
		for _, c := range created {
			os.Remove(c)
		}
		cleanup()
	}
	order := make([]int, 0, len(s.Outputs))
	for i, o := range s.Outputs {
		if o.Claim != nil {
			order = append(order, i)
		}
	}
	for i, o := range s.Outputs {
		if o.Claim == nil {
			order = append(order, i)
		}
	}
	for _, i := range order {
		o := s.Outputs[i]
		if o.Claim != nil {
			err := safefile.CreateNew(tmps[i], o.Path)
			if err == nil {
				tmps[i] = ""
				created = append(created, o.Path)
				continue
			}
			if !errors.Is(err, fs.ErrExist) {
				tmps[i] = "" // CreateNew removed it
				rollback()
				return err
			}
			data, rerr := safefile.ReadRegular(o.Path, MaxExisting)
			if rerr != nil {
				rollback()
				return &input.UsageError{Msg: fmt.Sprintf("%s exists and cannot be checked before replacing it (%v); write to another folder with --out", input.QuotePath(o.Path), rerr)}
			}
			if cerr := o.Claim(data); cerr != nil {
				rollback()
				return cerr
			}
		}
		err := safefile.Replace(tmps[i], o.Path)
		tmps[i] = ""
		if err != nil {
			rollback()
			return err
		}
	}
	for dir := range dirs {
		if err := safefile.SyncDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// plan refuses outputs that cannot or must not be written, before anything
// is, and returns the mode of each output that exists (to keep it).
func (s Set) plan() ([]fs.FileMode, error) {
	keep := make([]fs.FileMode, len(s.Outputs))
	var existing []int
	infos := make([]fs.FileInfo, len(s.Outputs))
	for i, o := range s.Outputs {
		if o.Path == "" || strings.HasSuffix(o.Path, string(filepath.Separator)) || strings.HasSuffix(o.Path, "/") {
			return nil, &input.UsageError{Msg: fmt.Sprintf("%s is a folder name; give a file name", input.QuotePath(o.Path))}
		}
		for j := range i {
			if filepath.Clean(s.Outputs[j].Path) == filepath.Clean(o.Path) {
				return nil, &input.UsageError{Msg: fmt.Sprintf("%s is named for two outputs", input.QuotePath(o.Path))}
			}
		}
		if err := checkFolder(filepath.Dir(o.Path)); err != nil {
			return nil, err
		}
		st, err := os.Stat(o.Path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // nothing there (or a dangling link, which is replaced)
			}
			return nil, &input.UsageError{Msg: fmt.Sprintf("%s cannot be checked: %v", input.QuotePath(o.Path), unwrapPath(err))}
		}
		switch {
		case st.IsDir():
			return nil, &input.UsageError{Msg: fmt.Sprintf("%s is a folder; give a file name", input.QuotePath(o.Path))}
		case !st.Mode().IsRegular():
			return nil, &input.UsageError{Msg: fmt.Sprintf("%s is not a regular file (a device, pipe or socket); give another name", input.QuotePath(o.Path))}
		}
		for j := range i {
			if infos[j] != nil && os.SameFile(infos[j], st) {
				return nil, &input.UsageError{Msg: fmt.Sprintf("%s and %s are the same file; give two names", input.QuotePath(s.Outputs[j].Path), input.QuotePath(o.Path))}
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
				return nil, &input.UsageError{Msg: fmt.Sprintf("%s is one of the input files; refusing to overwrite it: give another output name", input.QuotePath(s.Outputs[i].Path))}
			}
		}
	}
	return keep, nil
}

// checkFolder refuses an output folder that is a file: `--out report.md`
// where a folder was meant.
func checkFolder(dir string) error {
	for d := dir; ; d = filepath.Dir(d) {
		st, err := os.Stat(d)
		if err == nil {
			if !st.IsDir() {
				return &input.UsageError{Msg: fmt.Sprintf("%s is a file, not a folder: give a folder for the output", input.QuotePath(d))}
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
