package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// startServer serves s on a free loopback port for the duration of the test.
func startServer(t *testing.T, s *server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go s.serve(ln)
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

// send writes commands, each given as its words, encoded as RESP arrays, in one write.
func send(t *testing.T, conn net.Conn, commands ...[]string) {
	t.Helper()
	var b []byte
	for _, words := range commands {
		b = array(bulks(words...)).appendTo(b)
	}
	if _, err := conn.Write(b); err != nil {
		t.Fatal(err)
	}
}

func bulks(words ...string) []reply {
	r := make([]reply, len(words))
	for i, w := range words {
		r[i] = bulkString(w)
	}
	return r
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
	conn := dial(t, startServer(t, testServer()))
	conn.Write([]byte("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nSET k v\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*2\r\n$3\r\nGET\r\n$1\r\nx\r\n"))
	expectRead(t, conn, "+PONG\r\n$2\r\nhi\r\n+OK\r\n$1\r\nv\r\n$-1\r\n")
}

func TestFragmentedCommand(t *testing.T) {
	conn := dial(t, startServer(t, testServer()))
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
	conn := dial(t, startServer(t, testServer()))
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
	conn := dial(t, startServer(t, testServer()))
	conn.Write([]byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"))
	conn.CloseWrite()
	got, err := io.ReadAll(conn) // returns at EOF: the server closed its side
	if err != nil || string(got) != "+OK\r\n$1\r\nv\r\n" {
		t.Fatalf("read %q (%v), want both replies and then EOF", got, err)
	}
}

// A silent client must not keep the others waiting.
func TestConcurrentClients(t *testing.T) {
	addr := startServer(t, testServer())
	dial(t, addr) // connected first, says nothing
	for i := 0; i < 3; i++ {
		conn := dial(t, addr)
		conn.Write([]byte("PING\r\n"))
		expectRead(t, conn, "+PONG\r\n")
	}
}

// After a protocol error the server answers with it and closes, as Redis does.
func TestProtocolErrorClosesConnection(t *testing.T) {
	conn := dial(t, startServer(t, testServer()))
	conn.Write([]byte("PING\r\n*x\r\nPING\r\n"))
	got, err := io.ReadAll(conn)
	if err != nil || string(got) != "+PONG\r\n-ERR Protocol error: invalid multibulk length\r\n" {
		t.Fatalf("read %q (%v)", got, err)
	}
}

func TestQuit(t *testing.T) {
	conn := dial(t, startServer(t, testServer()))
	conn.Write([]byte("PING\r\nQUIT\r\nPING\r\n"))
	got, err := io.ReadAll(conn)
	if err != nil || string(got) != "+PONG\r\n+OK\r\n" {
		t.Fatalf("read %q (%v)", got, err)
	}
}

// Blocked clients are served in the order they blocked, one element each, and only the blocked
// clients wait.
func TestBlpopOrder(t *testing.T) {
	addr := startServer(t, testServer())
	var waiting []*net.TCPConn
	for i := 0; i < 3; i++ {
		conn := dial(t, addr)
		send(t, conn, []string{"BLPOP", "k", "other", "0"})
		waiting = append(waiting, conn)
		time.Sleep(20 * time.Millisecond) // nothing on the wire shows that it is blocked
	}
	pusher := dial(t, addr)
	send(t, pusher, []string{"RPUSH", "k", "a", "b", "c", "d"}, []string{"LRANGE", "k", "0", "-1"})
	expectRead(t, pusher, ":4\r\n*1\r\n$1\r\nd\r\n")
	for i, conn := range waiting {
		v := string(rune('a' + i))
		expectRead(t, conn, "*2\r\n$1\r\nk\r\n$1\r\n"+v+"\r\n")
	}
	// Served clients left their other key too.
	send(t, pusher, []string{"RPUSH", "other", "x"}, []string{"LLEN", "other"})
	expectRead(t, pusher, ":1\r\n:1\r\n")
}

func TestBlpopTimeout(t *testing.T) {
	conn := dial(t, startServer(t, testServer()))
	start := time.Now()
	// The PING's reply must not wait for the BLPOP after it.
	conn.Write([]byte("PING\r\nBLPOP k 0.2\r\n"))
	expectRead(t, conn, "+PONG\r\n")
	expectRead(t, conn, "*-1\r\n")
	if waited := time.Since(start); waited < 200*time.Millisecond || waited > time.Second {
		t.Errorf("BLPOP k 0.2 answered after %v", waited)
	}
}

// A client that hangs up while blocked is forgotten: a later push is not lost to it.
func TestBlpopHangup(t *testing.T) {
	s := testServer()
	addr := startServer(t, s)
	conn := dial(t, addr)
	send(t, conn, []string{"BLPOP", "k", "0"})
	time.Sleep(20 * time.Millisecond)
	conn.Close()
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		s.mu.Lock()
		n := len(s.db.waiters)
		s.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the waiter of a client that hung up is still registered")
		}
	}
	other := dial(t, addr)
	send(t, other, []string{"RPUSH", "k", "v"}, []string{"LLEN", "k"})
	expectRead(t, other, ":1\r\n:1\r\n")
}

// An element handed to a client that has just hung up goes back to the list.
func TestBlpopGiveBack(t *testing.T) {
	s := testServer()
	c := newClient(s, nil)
	s.mu.Lock()
	w := s.db.block([]string{"k"})
	s.mu.Unlock()
	close(c.hangup)
	pusher := newClient(s, nil)
	do(pusher, "RPUSH", "k", "v") // hands v to the waiter, whose client is gone
	s.mu.Lock()
	p := <-w.served
	s.db.giveBack(p)
	s.mu.Unlock()
	if got := do(pusher, "LRANGE", "k", "0", "-1"); got != "*1\r\n$1\r\nv\r\n" {
		t.Errorf("after giving back: %q", got)
	}
}

func TestPubSub(t *testing.T) {
	addr := startServer(t, testServer())
	sub := dial(t, addr)
	send(t, sub, []string{"SUBSCRIBE", "ch", "other"}, []string{"PSUBSCRIBE", "c*"})
	expectRead(t, sub, "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$5\r\nother\r\n:2\r\n"+
		"*3\r\n$10\r\npsubscribe\r\n$2\r\nc*\r\n:3\r\n")
	pub := dial(t, addr)
	payload := "a\r\n\x00\xff"
	send(t, pub, []string{"PUBLISH", "ch", payload}, []string{"PUBLISH", "nobody", "x"})
	expectRead(t, pub, ":2\r\n:0\r\n")
	expectRead(t, sub, "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$5\r\n"+payload+"\r\n"+
		"*4\r\n$8\r\npmessage\r\n$2\r\nc*\r\n$2\r\nch\r\n$5\r\n"+payload+"\r\n")
	send(t, sub, []string{"UNSUBSCRIBE", "ch"}, []string{"PUNSUBSCRIBE"})
	expectRead(t, sub, "*3\r\n$11\r\nunsubscribe\r\n$2\r\nch\r\n:2\r\n*3\r\n$12\r\npunsubscribe\r\n$2\r\nc*\r\n:1\r\n")
	send(t, pub, []string{"PUBLISH", "ch", "x"}, []string{"PUBLISH", "other", "y"})
	expectRead(t, pub, ":0\r\n:1\r\n")
	expectRead(t, sub, "*3\r\n$7\r\nmessage\r\n$5\r\nother\r\n$1\r\ny\r\n")
}

// A subscriber that does not read is disconnected once its queue is full; it receives an
// unbroken prefix of the messages, and the publisher is never held up.
func TestSlowSubscriber(t *testing.T) {
	s := testServer()
	s.maxPending = 64 << 10
	addr := startServer(t, s)
	slow := dial(t, addr)
	send(t, slow, []string{"SUBSCRIBE", "ch"})
	expectRead(t, slow, "*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n")
	// slow reads nothing more for now. Its socket buffers fill, then its queue.

	pub := dial(t, addr)
	pub.SetDeadline(time.Now().Add(3 * time.Second))
	r := bufio.NewReader(pub)
	const count = 4000 // 16 MiB of messages: more than the socket buffers and the queue hold
	payload := strings.Repeat("x", 4096)
	receivers := 2
	for i := 0; i < count; i++ {
		send(t, pub, []string{"PUBLISH", "ch", fmt.Sprintf("%05d", i) + payload[5:]})
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("PUBLISH #%d: %v (the publisher was held up)", i, err)
		}
		if line != ":1\r\n" && line != ":0\r\n" {
			t.Fatalf("PUBLISH #%d answered %q", i, line)
		}
		if line == ":0\r\n" {
			receivers = 0
		} else if receivers == 0 {
			t.Fatalf("PUBLISH #%d counted a subscriber that had been dropped", i)
		}
	}
	if receivers != 0 {
		t.Fatal("the subscriber that does not read was never disconnected")
	}

	got, _ := io.ReadAll(slow) // to the end of the connection
	msg := func(i int) string {
		p := fmt.Sprintf("%05d", i) + payload[5:]
		return "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$4096\r\n" + p + "\r\n"
	}
	n := 0
	for ; len(got) >= len(msg(n)) && string(got[:len(msg(n))]) == msg(n); n++ {
		got = got[len(msg(n)):]
	}
	if !strings.HasPrefix(msg(n), string(got)) {
		t.Fatalf("after %d messages in order, the subscriber got %.80q", n, got)
	}
	if n == 0 || n == count {
		t.Errorf("the subscriber got %d of %d messages", n, count)
	}
}

func TestActiveExpiry(t *testing.T) {
	s := testServer()
	conn := dial(t, startServer(t, s))
	var commands [][]string
	for i := 0; i < 50; i++ {
		commands = append(commands, []string{"SET", fmt.Sprintf("tmp:%d", i), "v", "PX", "50"})
	}
	commands = append(commands, []string{"SET", "keep", "v"}, []string{"DBSIZE"})
	send(t, conn, commands...)
	expectRead(t, conn, strings.Repeat("+OK\r\n", 51)+":51\r\n")
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		send(t, conn, []string{"DBSIZE"})
		line, _ := bufio.NewReader(conn).ReadString('\n')
		if line == ":1\r\n" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("DBSIZE still %q", line)
		}
	}
}
