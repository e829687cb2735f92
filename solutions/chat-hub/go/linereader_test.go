package main

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// errStalled stands for a client that has sent everything it will send for now but keeps the
// connection open: on a socket, the next Read would wait. A reader that returns it asked for more
// bytes than it needed.
var errStalled = errors.New("read past what the client sent: the server would wait here")

// chunkReader returns its chunks one per Read, as the network delivers bytes, then err forever.
type chunkReader struct {
	chunks []string
	err    error
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		return 0, r.err
	}
	n := copy(p, r.chunks[0])
	if n < len(r.chunks[0]) {
		r.chunks[0] = r.chunks[0][n:]
	} else {
		r.chunks = r.chunks[1:]
	}
	return n, nil
}

// bytesOneByOne splits s into one-byte chunks: a line sent one byte per write.
func bytesOneByOne(s string) []string {
	chunks := make([]string, len(s))
	for i := range s {
		chunks[i] = s[i : i+1]
	}
	return chunks
}

func TestLineReader(t *testing.T) {
	const max = 8 // a small limit, so that the edges are easy to see
	long := strings.Repeat("x", maxLineBytes)
	tests := []struct {
		name   string
		max    int
		chunks []string
		end    error    // what the reader returns after the chunks
		lines  []string // the lines read, in order
		err    error    // the error after them
	}{
		{"one line", max, []string{"hello\n"}, io.EOF, []string{"hello"}, io.EOF},
		{"several lines in one read", max, []string{"a\nbb\nccc\n"}, io.EOF, []string{"a", "bb", "ccc"}, io.EOF},
		{"a line across reads", max, []string{"he", "ll", "o\nwo", "rld\n"}, io.EOF, []string{"hello", "world"}, io.EOF},
		{"one byte per read", max, bytesOneByOne("abc\r\nd\n"), io.EOF, []string{"abc", "d"}, io.EOF},
		{"empty lines", max, []string{"\n\r\n"}, io.EOF, []string{"", ""}, io.EOF},
		{"\\r\\n: the \\r is stripped", max, []string{"hi\r\n"}, io.EOF, []string{"hi"}, io.EOF},
		{"\\r and \\n in different reads", max, []string{"hi\r", "\n"}, io.EOF, []string{"hi"}, io.EOF},
		{"only one \\r is stripped", max, []string{"hi\r\r\n"}, io.EOF, []string{"hi\r"}, io.EOF},
		{"a \\r inside a line stays", max, []string{"a\rb\n"}, io.EOF, []string{"a\rb"}, io.EOF},
		{"bytes are kept as they are", max, []string{"\xfc\x00\t\n"}, io.EOF, []string{"\xfc\x00\t"}, io.EOF},
		{"an unfinished line at the end is dropped", max, []string{"done\nhalf"}, io.EOF, []string{"done"}, io.EOF},
		{"the read error is returned", max, []string{"a\n"}, io.ErrUnexpectedEOF, []string{"a"}, io.ErrUnexpectedEOF},
		{"no more read than needed", max, []string{"a\nb"}, errStalled, []string{"a"}, errStalled},

		{"exactly the limit", max, []string{"12345678\n"}, io.EOF, []string{"12345678"}, io.EOF},
		{"the limit, then \\r\\n", max, []string{"12345678\r\n"}, io.EOF, []string{"12345678"}, io.EOF},
		{"the limit, one byte per read", max, bytesOneByOne("12345678\r\n"), io.EOF, []string{"12345678"}, io.EOF},
		{"one over the limit, with its \\n", max, []string{"123456789\n"}, io.EOF, nil, errLineTooLong},
		{"one over the limit, nothing after", max, []string{"123456789"}, errStalled, nil, errLineTooLong},
		{"one over, byte by byte, nothing after", max, bytesOneByOne("123456789"), errStalled, nil, errLineTooLong},
		{"far over the limit, no \\n", max, []string{strings.Repeat("y", 100)}, errStalled, nil, errLineTooLong},
		{"the limit and a \\r: maybe \\r\\n, wait", max, []string{"12345678\r"}, errStalled, nil, errStalled},
		{"the limit and \\r\\r is over", max, []string{"12345678\r\r"}, errStalled, nil, errLineTooLong},
		{"the lines before a long one are read", max, []string{"ok\n123456789"}, errStalled, []string{"ok"}, errLineTooLong},

		{"65,536 bytes in network-sized reads", maxLineBytes, []string{long[:1000], long[1000:40000], long[40000:] + "\n"}, io.EOF, []string{long}, io.EOF},
		{"65,536 bytes and \\r\\n", maxLineBytes, []string{long + "\r\n"}, io.EOF, []string{long}, io.EOF},
		{"65,537 bytes, nothing after", maxLineBytes, []string{long, "z"}, errStalled, nil, errLineTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lr := newLineReader(&chunkReader{chunks: append([]string(nil), tt.chunks...), err: tt.end}, tt.max)
			for i, want := range tt.lines {
				got, err := lr.readLine()
				if err != nil {
					t.Fatalf("line %d: error %v, want %q", i+1, err, want)
				}
				if string(got) != want {
					t.Fatalf("line %d: %q, want %q", i+1, got, want)
				}
			}
			got, err := lr.readLine()
			if !errors.Is(err, tt.err) {
				t.Fatalf("after %d lines: %q, error %v; want error %v", len(tt.lines), got, err, tt.err)
			}
		})
	}
}
