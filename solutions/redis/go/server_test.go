package main

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"
)

// startServer serves on a free loopback port for the duration of the test.
func startServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go newServer().serve(ln)
	return ln.Addr().String()
}

func dial(t *testing.T, addr string) *net.TCPConn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	return conn.(*net.TCPConn)
}

// expectRead reads exactly len(want) bytes and compares them.
func expectRead(t *testing.T, conn net.Conn, want string) {
	t.Helper()
	got := make([]byte, len(want))
	if _, err := io.ReadFull(conn, got); err != nil || string(got) != want {
		t.Fatalf("read %q (%v), want %q", got, err, want)
	}
}

func TestPipelinedCommands(t *testing.T) {
	conn := dial(t, startServer(t))
	conn.Write([]byte("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nSET k v\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*2\r\n$3\r\nGET\r\n$1\r\nx\r\n"))
	expectRead(t, conn, "+PONG\r\n$2\r\nhi\r\n+OK\r\n$1\r\nv\r\n$-1\r\n")
}

func TestFragmentedCommand(t *testing.T) {
	conn := dial(t, startServer(t))
	for _, b := range []byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nvalue\r\n") {
		conn.Write([]byte{b})
		time.Sleep(time.Millisecond)
	}
	expectRead(t, conn, "+OK\r\n")
	for _, piece := range []string{"*2\r", "\n$3\r\nGET\r\n$", "1\r\nk\r\n"} {
		conn.Write([]byte(piece))
		time.Sleep(5 * time.Millisecond)
	}
	expectRead(t, conn, "$5\r\nvalue\r\n")
}

func TestLargeValue(t *testing.T) {
	conn := dial(t, startServer(t))
	value := bytes.Repeat([]byte{0, '\r', '\n', 0xff}, 1<<18) // 1 MiB
	go func() {
		conn.Write([]byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + itoa(len(value)) + "\r\n"))
		conn.Write(value)
		conn.Write([]byte("\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"))
	}()
	expectRead(t, conn, "+OK\r\n$"+itoa(len(value))+"\r\n"+string(value)+"\r\n")
}

// A client that half-closes after its commands gets every reply, then the connection closes.
func TestHalfClose(t *testing.T) {
	conn := dial(t, startServer(t))
	conn.Write([]byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"))
	conn.CloseWrite()
	got, err := io.ReadAll(conn) // returns at EOF: the server closed its side
	if err != nil || string(got) != "+OK\r\n$1\r\nv\r\n" {
		t.Fatalf("read %q (%v), want both replies and then EOF", got, err)
	}
}

// A silent client must not keep the others waiting.
func TestConcurrentClients(t *testing.T) {
	addr := startServer(t)
	dial(t, addr) // connected first, says nothing
	for i := 0; i < 3; i++ {
		conn := dial(t, addr)
		conn.Write([]byte("PING\r\n"))
		expectRead(t, conn, "+PONG\r\n")
	}
}

// After a protocol error the server answers with it and closes, as Redis does.
func TestProtocolErrorClosesConnection(t *testing.T) {
	conn := dial(t, startServer(t))
	conn.Write([]byte("PING\r\n*x\r\nPING\r\n"))
	got, err := io.ReadAll(conn)
	if err != nil || string(got) != "+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n" {
		t.Fatalf("read %q (%v)", got, err)
	}
}
