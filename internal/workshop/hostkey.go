package workshop

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKeyFile is the name of the workshop server's host key in the state
// folder.
const HostKeyFile = "workshop_host_ed25519_key"

// maxHostKeySize bounds the host key file read (an ed25519 key in
// OpenSSH format is about 400 bytes).
const maxHostKeySize = 64 << 10

// LoadOrCreateHostKey returns the host key kept at path, creating an
// ed25519 key there (readable by its owner only) the first time. The key
// must stay the same from one workshop to the next: participants check its
// fingerprint, and their ssh remembers it. The new key is written to a
// temporary file and linked into place, which never replaces a key that
// another run created at the same moment; that one is used instead.
func LoadOrCreateHostKey(path string) (gossh.Signer, error) {
	if s, err := readHostKey(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return s, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "dgmaturity workshop host key")
	if err != nil {
		return nil, fmt.Errorf("encode host key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create folder for the host key: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write host key: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		tmp.Close()
		return nil, fmt.Errorf("write host key: %w", err)
	}
	if _, err := tmp.Write(pem.EncodeToMemory(block)); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("write host key: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, fmt.Errorf("write host key: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return nil, fmt.Errorf("write host key: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("write host key: %w", err)
	}
	return readHostKey(path)
}

// readHostKey reads and parses the key at path.
func readHostKey(path string) (gossh.Signer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // fs.ErrNotExist tells the caller to create it
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxHostKeySize))
	if err != nil {
		return nil, fmt.Errorf("read host key %s: %w", path, err)
	}
	s, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fmt.Errorf("read host key %s: %w", path, err)
	}
	return s, nil
}

// Fingerprint is the SHA256 fingerprint of a host key as OpenSSH prints it
// ("SHA256:..."), for participants to compare with what their ssh shows.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
