//go:build race

package testbin

// Race reports that the tests run under the race detector (and the binary
// is built with -race).
const Race = true
