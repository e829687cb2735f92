package main

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
)

func readHead(raw string) (*Request, error) {
	return readRequestHead(bufio.NewReader(strings.NewReader(raw)))
}

func statusOf(err error) int {
	var he *httpError
	if errors.As(err, &he) {
		return he.status
	}
	return 0
}

func TestReadRequestHeadAccepts(t *testing.T) {
	req, err := readHead("\r\nGET /echo/abc?x=1 HTTP/1.1\r\nHost: localhost\r\nuser-agent:  curl/8 \r\nContent-Length: 3, 3\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != "GET" || req.Target != "/echo/abc?x=1" || req.Path != "/echo/abc" {
		t.Errorf("request line parsed as %q %q %q", req.Method, req.Target, req.Path)
	}
	if got := req.Header.Get("User-Agent"); got != "curl/8" {
		t.Errorf("User-Agent = %q, want surrounding whitespace trimmed", got)
	}
	if req.contentLength != 3 || req.chunked {
		t.Errorf("framing = %d bytes, chunked %v", req.contentLength, req.chunked)
	}
}

func TestReadRequestHeadRejects(t *testing.T) {
	long := strings.Repeat("a", maxHeadSize)
	tests := []struct {
		name, raw string
		status    int
	}{
		{"no version", "GET /\r\nHost: x\r\n\r\n", StatusBadRequest},
		{"two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", StatusBadRequest},
		{"four parts", "GET / HTTP/1.1 x\r\nHost: x\r\n\r\n", StatusBadRequest},
		{"bad version", "GET / HTTX/1.1\r\nHost: x\r\n\r\n", StatusBadRequest},
		{"HTTP/1.0", "GET / HTTP/1.0\r\nHost: x\r\n\r\n", StatusBadRequest},
		{"bare LF", "GET / HTTP/1.1\nHost: x\n\n", StatusBadRequest},
		{"target without slash", "GET echo HTTP/1.1\r\nHost: x\r\n\r\n", StatusBadRequest},
		{"no colon", "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", StatusBadRequest},
		{"space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", StatusBadRequest},
		{"obs-fold", "GET / HTTP/1.1\r\nHost: x\r\n  folded\r\n\r\n", StatusBadRequest},
		{"control in value", "GET / HTTP/1.1\r\nHost: x\r\nX: a\x00b\r\n\r\n", StatusBadRequest},
		{"no Host", "GET / HTTP/1.1\r\nUser-Agent: x\r\n\r\n", StatusBadRequest},
		{"two Hosts", "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", StatusBadRequest},
		{"CL and TE", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", StatusBadRequest},
		{"differing CLs", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", StatusBadRequest},
		{"non-numeric CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", StatusBadRequest},
		{"signed CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\n", StatusBadRequest},
		{"empty CL", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: \r\n\r\n", StatusBadRequest},
		{"chunked not last", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", StatusBadRequest},
		{"unknown coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", StatusNotImplemented},
		{"CL over 1 MiB", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", StatusContentTooLarge},
		{"CL over int64", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", StatusContentTooLarge},
		{"head too large", "GET / HTTP/1.1\r\nHost: x\r\nX: " + long + "\r\n\r\n", StatusHeaderFieldsTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readHead(tt.raw)
			if got := statusOf(err); got != tt.status {
				t.Errorf("status %d (err %v), want %d", got, err, tt.status)
			}
		})
	}
}

func TestHeadSizeLimitIsExact(t *testing.T) {
	// Request line and header lines, CRLFs included, may total exactly maxHeadSize bytes.
	const start = "GET / HTTP/1.1\r\nHost: x\r\nX: "
	fill := strings.Repeat("a", maxHeadSize-len(start)-len("\r\n"))
	if _, err := readHead(start + fill + "\r\n\r\n"); err != nil {
		t.Errorf("head of exactly %d bytes: %v", maxHeadSize, err)
	}
	if _, err := readHead(start + fill + "a\r\n\r\n"); statusOf(err) != StatusHeaderFieldsTooLarge {
		t.Errorf("head of %d bytes: %v, want 431", maxHeadSize+1, err)
	}
}

func TestReadRequestHeadEndOfInput(t *testing.T) {
	if _, err := readHead(""); err != io.EOF {
		t.Errorf("no input: %v, want io.EOF", err)
	}
	if _, err := readHead("GET / HTTP/1.1\r\nHo"); err != io.ErrUnexpectedEOF {
		t.Errorf("truncated head: %v, want io.ErrUnexpectedEOF", err)
	}
}

func TestHeaderList(t *testing.T) {
	h := Header{}
	h.add("Accept-Encoding", "invalid-1, gzip")
	h.add("accept-encoding", " ,invalid-2 ")
	got := strings.Join(h.List("ACCEPT-ENCODING"), "|")
	if got != "invalid-1|gzip|invalid-2" {
		t.Errorf("List = %q", got)
	}
	if !acceptsGzip(h) {
		t.Error("acceptsGzip = false, want true")
	}
	h = Header{}
	h.add("Accept-Encoding", "gzip;q=0, br")
	if acceptsGzip(h) {
		t.Error("gzip;q=0 accepted")
	}
}
