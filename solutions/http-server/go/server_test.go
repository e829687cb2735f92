package main

import (
	"bufio"
	"context"
	"io"
	"log"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// startServer serves the challenge's routes on a free loopback port.
func startServer(t *testing.T, dir string, idle time.Duration) (*Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	logger := log.New(io.Discard, "", 0)
	srv := NewServer(newRouter(dir, logger), idle, logger)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Shutdown(context.Background()) })
	return srv, ln.Addr().String()
}

func dial(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(5 * time.Second))
	return c, bufio.NewReader(c)
}

// readResponse reads one response and returns its status line, header block and body, which
// Content-Length delimits (a response to HEAD has none).
func readResponse(t *testing.T, br *bufio.Reader, toHEAD bool) (status, head, body string) {
	t.Helper()
	var lines []string
	n := 0
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("reading response: %v", err)
		}
		line = strings.TrimSuffix(line, "\r\n")
		if line == "" {
			break
		}
		lines = append(lines, line)
		if name, value, ok := strings.Cut(line, ": "); ok && strings.EqualFold(name, "Content-Length") {
			n, _ = strconv.Atoi(value)
		}
	}
	if toHEAD {
		n = 0
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(br, buf); err != nil {
		t.Fatalf("reading body: %v", err)
	}
	return lines[0], strings.Join(lines[1:], "\n"), string(buf)
}

func expectEOF(t *testing.T, br *bufio.Reader) {
	t.Helper()
	if b, err := br.ReadByte(); err != io.EOF {
		t.Errorf("want the connection closed, got byte %q, err %v", b, err)
	}
}

func TestPipelinedRequestsAreAnsweredInOrder(t *testing.T) {
	_, addr := startServer(t, "", time.Second)
	c, br := dial(t, addr)
	io.WriteString(c, "GET /echo/one HTTP/1.1\r\nHost: x\r\n\r\n"+
		"GET /user-agent HTTP/1.1\r\nHost: x\r\nUser-Agent: two\r\n\r\n"+
		"HEAD /echo/three HTTP/1.1\r\nHost: x\r\n\r\n"+
		"GET /echo/four HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
	for i, want := range []string{"one", "two", "", "four"} {
		if _, _, body := readResponse(t, br, i == 2); body != want {
			t.Errorf("body %q, want %q", body, want)
		}
	}
	expectEOF(t, br)
}

func TestBadRequestClosesTheConnection(t *testing.T) {
	_, addr := startServer(t, "", time.Second)
	c, br := dial(t, addr)
	io.WriteString(c, "GET / HTTP/1.1\r\nHost : x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
	if status, head, _ := readResponse(t, br, false); !strings.HasPrefix(status, "HTTP/1.1 400 ") || !strings.Contains(head, "Connection: close") {
		t.Errorf("got %q\n%s", status, head)
	}
	expectEOF(t, br)
}

func TestIdleConnectionIsClosed(t *testing.T) {
	_, addr := startServer(t, "", 200*time.Millisecond)
	_, br := dial(t, addr)
	start := time.Now()
	expectEOF(t, br)
	if d := time.Since(start); d < 150*time.Millisecond || d > 2*time.Second {
		t.Errorf("closed after %v, want about 200ms", d)
	}
}

func TestShutdownFinishesUploadAndClosesIdleConnections(t *testing.T) {
	dir := t.TempDir()
	srv, addr := startServer(t, dir, 10*time.Second)

	idle, idleReader := dial(t, addr)
	io.WriteString(idle, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	readResponse(t, idleReader, false)

	upload, uploadReader := dial(t, addr)
	io.WriteString(upload, "POST /files/up HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello")
	time.Sleep(100 * time.Millisecond) // let the server start reading the body

	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(context.Background()) }()

	expectEOF(t, idleReader)
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("a new connection was accepted during shutdown")
	}
	io.WriteString(upload, "world")
	if status, head, _ := readResponse(t, uploadReader, false); !strings.HasPrefix(status, "HTTP/1.1 201 ") || !strings.Contains(head, "Connection: close") {
		t.Errorf("upload answered %q\n%s", status, head)
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "up")); err != nil || string(got) != "helloworld" {
		t.Errorf("file = %q, %v", got, err)
	}
}
