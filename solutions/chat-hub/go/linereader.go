package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxLineBytes is the longest line a client may send, in bytes, not counting its "\n" (nor a "\r"
// just before it).
const maxLineBytes = 65536

// errLineTooLong: more than the limit arrived without a "\n". The rest of that line is not read.
var errLineTooLong = errors.New("line too long")

// lineReader cuts a TCP byte stream into lines. TCP has no messages, only bytes: one read may hold
// half a line, several lines, or the end of one and the start of the next. So bytes are buffered
// until a "\n" arrives; the line is what came before it, minus one "\r" if the client ends its
// lines with "\r\n" (telnet, Windows nc).
//
// Why not the usual tools:
//
//   - bufio.Scanner stops at bufio.MaxScanTokenSize, 64 KiB, by default. That is the contract's
//     limit almost to the byte, but not quite (a 65,536-byte line plus its "\n" does not fit), and
//     a line over it ends Scan with bufio.ErrTooLong, which reads like any other failure unless one
//     checks Err(): the obvious loop, `for sc.Scan() { ... }`, treats it as a disconnection and
//     never sends the error line. Scanner.Buffer can raise the limit, but the limit is part of
//     the protocol here, with a required reply, so it is enforced here, explicitly.
//   - bufio.Reader.ReadString and ReadBytes have no limit at all: a client that never sends "\n"
//     makes the server buffer without bound.
//   - bufio.Reader.ReadSlice returns a partial line only once its buffer is full, so it cannot
//     notice "one byte over the limit, and nothing after it" unless the buffer is as big as the
//     limit: 64 KiB per connection, mostly unused.
//
// Instead readLine looks at whatever has arrived (Peek, Buffered) and decides as soon as it can:
// a line is too long the moment it is known to be, not when the client sends more. The
// bufio.Reader's buffer stays small, and only a long line costs memory, at most the limit.
type lineReader struct {
	r   *bufio.Reader
	max int
	// line collects a line that arrives in several pieces; reused from one line to the next.
	line []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReader(r), max: max}
}

// readLine returns the next line, without its "\n" and without one "\r" before it. The slice is
// only valid until the next call. At the end of the stream it returns the read error (io.EOF when
// the client closed); an unfinished line there is dropped: a line exists only once its "\n" came.
// A line over the limit returns errLineTooLong, whether its "\n" has come yet or not.
func (lr *lineReader) readLine() ([]byte, error) {
	lr.line = lr.line[:0]
	for {
		// Wait for at least one byte, then take everything buffered: Peek(1) reads from the
		// socket only when the buffer is empty, and then only once.
		if _, err := lr.r.Peek(1); err != nil {
			return nil, err
		}
		chunk, _ := lr.r.Peek(lr.r.Buffered())
		if end := bytes.IndexByte(chunk, '\n'); end >= 0 {
			var line []byte
			if len(lr.line) == 0 {
				line = chunk[:end] // the whole line is in the buffer: no copy
			} else {
				lr.line = append(lr.line, chunk[:end]...)
				line = lr.line
			}
			lr.r.Discard(end + 1) // Discard of buffered bytes cannot fail, nor move them
			line = bytes.TrimSuffix(line, []byte("\r"))
			if len(line) > lr.max {
				return nil, errLineTooLong
			}
			return line, nil
		}
		lr.line = append(lr.line, chunk...)
		lr.r.Discard(len(chunk))
		// Decide now, not when the "\n" comes: it may never come. One byte of slack for a final
		// "\r": it may be the first half of a "\r\n", and then it is not part of the line.
		slack := 0
		if lr.line[len(lr.line)-1] == '\r' {
			slack = 1
		}
		if len(lr.line)-slack > lr.max {
			return nil, errLineTooLong
		}
	}
}

// drain reads and drops everything until the end of the stream or an error (a deadline, say),
// the bytes already buffered included.
func (lr *lineReader) drain() {
	io.Copy(io.Discard, lr.r)
}
