//go:build !unix

package publish

// addSpecialFiles adds nothing where there are no FIFOs or /dev/zero.
func addSpecialFiles(string, map[string]string) {}
