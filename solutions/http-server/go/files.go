package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// filePath maps the {name} of /files/{name} to a path in the served directory. It refuses
// names that could leave the directory: the name must be one plain path element. The name is
// used as sent, without percent-decoding, so "%2F" is three harmless characters, not a slash.
func (a *app) filePath(name string) (string, bool) {
	if a.dir == "" || name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\\\x00") {
		return "", false
	}
	return filepath.Join(a.dir, name), true
}

// getFile: GET /files/{name} → the file's bytes, with a strong entity tag, conditional
// requests (If-None-Match) and single byte ranges (Range).
func (a *app) getFile(req *Request, name string) *Response {
	path, ok := a.filePath(name)
	if !ok {
		return NewResponse(StatusNotFound)
	}
	content, err := readRegularFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return NewResponse(StatusNotFound)
	}
	if err != nil {
		a.log.Printf("files: %v", err)
		return NewResponse(StatusInternalServerError)
	}
	etag := strongETag(content)

	// RFC 9110 §13.2.2: evaluate If-None-Match first; when it matches, GET and HEAD get 304
	// (§13.1.2), which carries the ETag a 200 would have (§15.4.5) and no body.
	if inm := req.Header.Values("If-None-Match"); len(inm) > 0 && matchesAny(inm, etag) {
		resp := NewResponse(StatusNotModified)
		resp.Header.Set("ETag", etag)
		return resp
	}

	resp := NewResponse(StatusOK)
	resp.Header.Set("Content-Type", "application/octet-stream")
	resp.Header.Set("ETag", etag)
	resp.Header.Set("Accept-Ranges", "bytes") // RFC 9110 §14.3: tells clients ranges work here
	resp.Body = content

	// Range applies to GET only (RFC 9110 §14.2: a server MUST ignore it for other methods,
	// so HEAD describes the full 200). If-Range (§13.1.5) makes the range conditional on the
	// representation being the one the client has part of; otherwise the client gets it all.
	rangeHeader := req.Header.Get("Range")
	if req.Method != "GET" || rangeHeader == "" {
		return resp
	}
	if ifRange := req.Header.Get("If-Range"); ifRange != "" && ifRange != etag {
		return resp
	}
	size := int64(len(content))
	r, outcome := parseRange(rangeHeader, size)
	switch outcome {
	case rangeSatisfiable:
		resp.Status = StatusPartialContent
		resp.Header.Set("Content-Range", fmt.Sprintf("bytes %d-%d/%d", r.first, r.last, size))
		resp.Body = content[r.first : r.last+1]
	case rangeNotSatisfiable:
		resp = NewResponse(StatusRangeNotSatisfiable)
		resp.Header.Set("Content-Range", fmt.Sprintf("bytes */%d", size)) // RFC 9110 §15.5.17
	case rangeIgnored:
		// The whole representation, as prepared above.
	}
	return resp
}

// readRegularFile returns the content of the regular file at path. Anything else, such as a
// directory, is reported as fs.ErrNotExist: it is not a file this server serves.
func readRegularFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(f)
}

// postFile: POST /files/{name} → the body becomes the file's content, byte for byte.
func (a *app) postFile(req *Request, name string) *Response {
	path, ok := a.filePath(name)
	if !ok {
		return NewResponse(StatusNotFound)
	}
	if err := writeFileAtomically(path, req.Body); err != nil {
		a.log.Printf("files: %v", err)
		return NewResponse(StatusInternalServerError)
	}
	return NewResponse(StatusCreated)
}

// writeFileAtomically writes data to a temporary file next to path, then renames it over path.
// A concurrent GET sees the old content or the new one, never half of each, so the content it
// sends always matches the ETag it computed.
func writeFileAtomically(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".upload-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil { // CreateTemp makes the file private (0600)
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// strongETag returns a strong entity tag (RFC 9110 §8.8.3) for content: a hash of the bytes
// themselves (128 bits of SHA-256, plenty to tell versions of a file apart). A tag made of size and modification time would be cheaper, but could stay the
// same when a file is rewritten with new content of the same size within the clock's resolution.
func strongETag(content []byte) string {
	sum := sha256.Sum256(content)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// matchesAny evaluates If-None-Match (RFC 9110 §13.1.2):
//
//	If-None-Match = "*" / #entity-tag,  entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE
//
// It reports whether "*" or a tag that weakly matches etag is listed (weak comparison, §8.8.3.2:
// the opaque strings are equal, "W/" prefixes aside). A malformed list matches nothing.
func matchesAny(fieldValues []string, etag string) bool {
	for _, list := range fieldValues {
		rest := list
		for {
			rest = strings.TrimLeft(rest, " \t,")
			if rest == "" {
				break
			}
			if rest[0] == '*' {
				return true
			}
			tag, after, ok := cutEntityTag(rest)
			if !ok {
				return false
			}
			if strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
				return true
			}
			rest = after
		}
	}
	return false
}

// cutEntityTag splits the entity-tag at the start of s from what follows. Tags are scanned
// rather than split at commas because a comma may appear inside the quotes.
func cutEntityTag(s string) (tag, rest string, ok bool) {
	start := 0
	if strings.HasPrefix(s, "W/") {
		start = 2
	}
	if len(s) <= start || s[start] != '"' {
		return "", "", false
	}
	end := strings.IndexByte(s[start+1:], '"')
	if end < 0 {
		return "", "", false
	}
	end += start + 2 // index just past the closing quote
	return s[:end], s[end:], true
}

// byteRange is a range of bytes, first and last included, as in "bytes=first-last".
type byteRange struct {
	first, last int64
}

type rangeOutcome int

const (
	rangeIgnored        rangeOutcome = iota // send the whole representation, 200
	rangeSatisfiable                        // send the range, 206
	rangeNotSatisfiable                     // send 416
)

// parseRange resolves a Range header against a representation of size bytes (RFC 9110 §14.2):
//
//	Range = "bytes=" ( first-pos "-" [ last-pos ] / "-" suffix-length )
//
// A last-pos past the end is clamped to the last byte; a suffix longer than the representation
// means all of it. A range that starts at or past the end cannot be satisfied. Anything this
// server does not handle, such as another unit, several ranges at once, or a malformed
// specifier, is ignored, which §14.2 allows: the client then gets the whole representation.
func parseRange(header string, size int64) (byteRange, rangeOutcome) {
	unit, spec, ok := strings.Cut(header, "=")
	if !ok || !strings.EqualFold(strings.TrimSpace(unit), "bytes") {
		return byteRange{}, rangeIgnored
	}
	spec = strings.TrimSpace(spec)
	if strings.Contains(spec, ",") {
		return byteRange{}, rangeIgnored // several ranges would need a multipart/byteranges body
	}
	firstText, lastText, ok := strings.Cut(spec, "-")
	if !ok {
		return byteRange{}, rangeIgnored
	}

	if firstText == "" {
		// "-N": the last N bytes. RFC 9110 §14.1.1: a zero suffix, or any suffix of an empty
		// representation, selects nothing.
		n, ok := parseDecimal(lastText)
		if !ok {
			return byteRange{}, rangeIgnored
		}
		if n == 0 || size == 0 {
			return byteRange{}, rangeNotSatisfiable
		}
		if n > size {
			n = size
		}
		return byteRange{first: size - n, last: size - 1}, rangeSatisfiable
	}

	first, ok := parseDecimal(firstText)
	if !ok {
		return byteRange{}, rangeIgnored
	}
	last := int64(math.MaxInt64) // "A-": to the end
	if lastText != "" {
		if last, ok = parseDecimal(lastText); !ok || last < first {
			return byteRange{}, rangeIgnored // §14.1.1: last-pos < first-pos is invalid
		}
	}
	if first >= size {
		return byteRange{}, rangeNotSatisfiable
	}
	if last > size-1 {
		last = size - 1
	}
	return byteRange{first: first, last: last}, rangeSatisfiable
}
