package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
)

// maxChunkLineSize limits a chunk-size line, extensions included.
const maxChunkLineSize = 4096

// readChunked decodes a body in the chunked transfer coding (RFC 9112 §7.1):
//
//	chunked-body   = *chunk last-chunk trailer-section CRLF
//	chunk          = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
//	last-chunk     = 1*("0") [ chunk-ext ] CRLF
//	trailer-section = *( field-line CRLF )
//
// It returns the decoded body. A body that would grow past limit is refused with 413 as soon as
// a chunk announces it, before that chunk's data is read.
func readChunked(br *bufio.Reader, limit int) ([]byte, error) {
	var body []byte
	for {
		line, _, err := readLine(br, maxChunkLineSize)
		if err != nil {
			return nil, chunkError(err, "chunk size line too long")
		}
		size, err := parseChunkSize(line)
		if err != nil {
			return nil, err
		}
		if size == 0 {
			break // last-chunk
		}
		if size > int64(limit-len(body)) {
			return nil, bodyTooLarge()
		}

		start := len(body)
		body = append(body, make([]byte, size)...)
		if _, err := io.ReadFull(br, body[start:]); err != nil {
			return nil, chunkError(err, "")
		}
		// chunk-data is followed by exactly CRLF; anything else means the size was wrong.
		var crlf [2]byte
		if _, err := io.ReadFull(br, crlf[:]); err != nil {
			return nil, chunkError(err, "")
		}
		if crlf != [2]byte{'\r', '\n'} {
			return nil, badRequest("chunk data not followed by CRLF")
		}
	}

	// The trailer section. Its fields must be well-formed, but none is used: RFC 9110 §6.5.1
	// lets a recipient discard trailer fields it does not understand.
	budget := maxHeadSize
	for {
		line, n, err := readLine(br, budget)
		if err != nil {
			return nil, chunkError(err, "trailer section too long")
		}
		if len(line) == 0 {
			return body, nil
		}
		if _, _, err := parseFieldLine(line); err != nil {
			return nil, err
		}
		budget -= n
	}
}

// parseChunkSize parses a chunk-size line:
//
//	chunk-size [ chunk-ext ],  chunk-size = 1*HEXDIG,  chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )
//
// Extensions are skipped: a recipient MUST ignore extensions it does not understand (§7.1.1),
// and this server understands none.
func parseChunkSize(line []byte) (int64, error) {
	if i := bytes.IndexByte(line, ';'); i >= 0 {
		line = bytes.TrimRight(line[:i], " \t")
	}
	if len(line) == 0 {
		return 0, badRequest("missing chunk size")
	}
	var size int64
	for _, c := range line {
		d, ok := hexDigit(c)
		if !ok {
			return 0, badRequest("chunk size is not a hexadecimal number")
		}
		if size > math.MaxInt64>>4 {
			// Do not let a long size overflow: it is past any body limit already. Keep
			// checking the remaining digits, so garbage is still a 400.
			size = math.MaxInt64
			continue
		}
		size = size<<4 | int64(d)
	}
	return size, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// chunkError turns a read error inside a chunked body into what the connection should see:
// a line over its limit is a 400 (reason tooLong), and running out of input in the middle of
// the body is an unexpected EOF, not the clean end of a connection.
func chunkError(err error, tooLong string) error {
	switch {
	case errors.Is(err, errLineTooLong):
		return badRequest(tooLong)
	case err == io.EOF:
		return io.ErrUnexpectedEOF
	}
	return err
}
