package main

import (
	"bufio"
	"io"
	"strings"
	"testing"
)

func TestReadChunked(t *testing.T) {
	// Mixed-case sizes, an extension, a trailer field, and a pipelined request after the body.
	raw := "5\r\nhello\r\na;ext=1\r\n, chunked!\r\n1A ; name = v\r\n" + strings.Repeat("z", 26) + "\r\n0\r\nX-Trailer: 1\r\n\r\nGET /"
	br := bufio.NewReader(strings.NewReader(raw))
	body, err := readChunked(br, maxBodySize)
	if err != nil {
		t.Fatal(err)
	}
	if want := "hello, chunked!" + strings.Repeat("z", 26); string(body) != want {
		t.Errorf("body = %q, want %q", body, want)
	}
	if rest, _ := io.ReadAll(br); string(rest) != "GET /" {
		t.Errorf("left unread %q, want the next request", rest)
	}
}

func TestReadChunkedRejects(t *testing.T) {
	tests := []struct {
		name, raw string
		limit     int
		status    int
	}{
		{"not hex", "xyz\r\n", maxBodySize, StatusBadRequest},
		{"no size", ";ext\r\n", maxBodySize, StatusBadRequest},
		{"data longer than size", "3\r\nhello\r\n0\r\n\r\n", maxBodySize, StatusBadRequest},
		{"bad trailer", "0\r\nno colon\r\n\r\n", maxBodySize, StatusBadRequest},
		{"over the limit", "8\r\n12345678\r\n", 7, StatusContentTooLarge},
		{"over the limit in total", "4\r\n1234\r\n4\r\n", 7, StatusContentTooLarge},
		{"size overflows int64", "fffffffffffffffffffffff\r\n", maxBodySize, StatusContentTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readChunked(bufio.NewReader(strings.NewReader(tt.raw)), tt.limit)
			if got := statusOf(err); got != tt.status {
				t.Errorf("status %d (err %v), want %d", got, err, tt.status)
			}
		})
	}
}

func TestReadChunkedTruncated(t *testing.T) {
	_, err := readChunked(bufio.NewReader(strings.NewReader("5\r\nhel")), maxBodySize)
	if err != io.ErrUnexpectedEOF {
		t.Errorf("err = %v, want io.ErrUnexpectedEOF", err)
	}
}
