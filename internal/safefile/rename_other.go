//go:build !windows

package safefile

import "os"

// rename replaces target with tmp. POSIX rename replaces an open file
// without complaint, so there is nothing to retry.
func rename(tmp, target string) error { return os.Rename(tmp, target) }
