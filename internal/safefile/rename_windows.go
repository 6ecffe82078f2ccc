//go:build windows

package safefile

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// rename replaces target with tmp with MoveFileEx and write-through, so
// that the rename is on disk when it returns (os.Rename does not ask for
// it), and retries while another program holds the target open.
func rename(tmp, target string) error {
	from, err := windows.UTF16PtrFromString(tmp)
	if err != nil {
		return err
	}
	to, err := windows.UTF16PtrFromString(target)
	if err != nil {
		return err
	}
	op := func() error {
		if err := windows.MoveFileEx(from, to, windows.MOVEFILE_REPLACE_EXISTING|windows.MOVEFILE_WRITE_THROUGH); err != nil {
			return &os.LinkError{Op: "rename", Old: tmp, New: target, Err: err}
		}
		return nil
	}
	return retry(op, busy, time.Sleep, renameBudget)
}

// busy reports whether err is what Windows answers while another program
// has the file open.
func busy(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION)
}
