package workshop

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"strings"
)

// codeAlphabet holds the characters of a join code: capital letters and
// digits without the ones people confuse when a code is read aloud or
// copied from a projector (0 and O, 1, I and L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// codeGroups and codeGroupLen shape a code: three groups of four
// characters, "K7PM-3QXH-R9TD", about 59 bits of randomness.
const (
	codeGroups   = 3
	codeGroupLen = 4
)

// NewCode returns a new random join code from crypto/rand.
func NewCode() (string, error) {
	var b strings.Builder
	n := big.NewInt(int64(len(codeAlphabet)))
	for g := range codeGroups {
		if g > 0 {
			b.WriteByte('-')
		}
		for range codeGroupLen {
			i, err := rand.Int(rand.Reader, n)
			if err != nil {
				return "", fmt.Errorf("make join code: %w", err)
			}
			b.WriteByte(codeAlphabet[i.Int64()])
		}
	}
	return b.String(), nil
}

// normaliseCode makes typing slips harmless: case, spaces and dashes do
// not matter.
func normaliseCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeMatches compares a typed code with the workshop's in constant time
// (after normalising both), so that the time taken says nothing about how
// much of a guess was right. An empty guess never matches.
func codeMatches(code, typed string) bool {
	want, got := normaliseCode(code), normaliseCode(typed)
	if got == "" || want == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}
