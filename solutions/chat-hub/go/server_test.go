package main

import (
	"bufio"
	"io"
	"net"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
)

// These tests drive a real server through real sockets on a free loopback port, as the grader does.

// startServer serves s on a free loopback port for the duration of the test. It also checks that
// the test leaves no goroutine behind once its clients and the listener are closed: every session
// must end, with both its goroutines.
func startServer(t *testing.T, s *server) string {
	t.Helper()
	before := runtime.NumGoroutine()
	// Registered first, so it runs last, after the clients' and the listener's cleanups.
	t.Cleanup(func() {
		deadline := time.Now().Add(2 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<16)
				t.Errorf("%d goroutines left over:\n%s", runtime.NumGoroutine()-before, buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go s.serve(ln)
	return ln.Addr().String()
}

// testServer is a server with a short linger, so that a test never waits long for a session's end.
func testServer() *server {
	s := newServer()
	s.linger = time.Second
	return s
}

type testClient struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

// connect opens a connection and reads the welcome line.
func connect(t *testing.T, addr string) *testClient {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	c := &testClient{t: t, conn: conn, r: bufio.NewReader(conn)}
	c.expect("Welcome to budgetchat! What shall I call you?")
	return c
}

// join connects and joins as name; the server must answer with listing.
func join(t *testing.T, addr, name, listing string) *testClient {
	t.Helper()
	c := connect(t, addr)
	c.send(name + "\n")
	c.expect(listing)
	return c
}

func (c *testClient) send(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.conn, s); err != nil {
		c.t.Fatal(err)
	}
}

// readLine reads one line, which must end in "\n" alone, and returns it without the "\n".
func (c *testClient) readLine() string {
	c.t.Helper()
	got, err := c.r.ReadString('\n')
	if err != nil {
		c.t.Fatalf("reading a line: %v (got %q)", err, got)
	}
	if strings.HasSuffix(got, "\r\n") {
		c.t.Fatalf("got %q, a line ending in \\r\\n", got)
	}
	return strings.TrimSuffix(got, "\n")
}

// expect reads one line, which must be want.
func (c *testClient) expect(want string) {
	c.t.Helper()
	if got := c.readLine(); got != want {
		c.t.Fatalf("got %q, want %q", got, want)
	}
}

// expectClosed reads the end of the stream: the server closed the connection.
func (c *testClient) expectClosed() {
	c.t.Helper()
	rest, err := io.ReadAll(c.r)
	if err != nil || len(rest) > 0 {
		c.t.Fatalf("want the connection closed, got %q, error %v", rest, err)
	}
}

func TestBudgetChatSession(t *testing.T) {
	addr := startServer(t, testServer())
	alice := join(t, addr, "alice", "* The room contains: ")
	bob := join(t, addr, "bob", "* The room contains: alice")
	alice.expect("* bob has entered the room")
	carol := join(t, addr, "carol\r", "* The room contains: alice, bob") // "carol\r\n": the \r is stripped
	alice.expect("* carol has entered the room")
	bob.expect("* carol has entered the room")
	dave := connect(t, addr) // connected, not joined: hears nothing

	alice.send("hello, \u00fcber [world]\r\nsecond")
	bob.expect("[alice] hello, \u00fcber [world]")
	carol.expect("[alice] hello, \u00fcber [world]")
	alice.send(" line\n")
	bob.expect("[alice] second line")
	carol.expect("[alice] second line")
	bob.send("hi\n")
	alice.expect("[bob] hi") // not her own lines first: the sender gets nothing back
	carol.expect("[bob] hi")

	bob.conn.Close()
	alice.expect("* bob has left the room")
	carol.expect("* bob has left the room")
	dave.send("dave\n")
	dave.expect("* The room contains: alice, carol") // right after the welcome: nothing before it
	alice.expect("* dave has entered the room")
}

func TestRefusedNames(t *testing.T) {
	addr := startServer(t, testServer())
	alice := join(t, addr, "alice", "* The room contains: ")
	for _, name := range []string{"", "two words", "x!y", "\u00fcn\u00ef", strings.Repeat("a", 33)} {
		c := connect(t, addr)
		c.send(name + "\n")
		c.expect("* error: names are 1 to 32 letters and digits")
		c.expectClosed()
	}
	impostor := connect(t, addr)
	impostor.send("alice\n")
	impostor.expect("* error: name already taken")
	impostor.expectClosed()

	// Nobody heard of any of them: alice's next line is bob's arrival.
	bob := join(t, addr, "bob", "* The room contains: alice")
	alice.expect("* bob has entered the room")

	alice.conn.Close()
	bob.expect("* alice has left the room")
	join(t, addr, "alice", "* The room contains: bob") // the name is free again
	bob.expect("* alice has entered the room")
}

func TestLineLimit(t *testing.T) {
	addr := startServer(t, testServer())
	alice := join(t, addr, "alice", "* The room contains: ")
	bob := join(t, addr, "bob", "* The room contains: alice")
	alice.expect("* bob has entered the room")

	longest := strings.Repeat("0123456789abcdef", maxLineBytes/16)
	alice.send(longest + "\n")
	bob.expect("[alice] " + longest)

	// One byte over and no "\n": the server must not wait for one. The client goes on sending
	// meanwhile; the error line must reach it all the same.
	alice.send(longest + "!")
	alice.expect("* error: line too long")
	bob.expect("* alice has left the room")
	alice.send(strings.Repeat("more", 1000))
	alice.expectClosed()
}

func TestSlowConsumerIsDisconnected(t *testing.T) {
	s := testServer()
	s.outboxLines = 4
	addr := startServer(t, s)
	alice := join(t, addr, "alice", "* The room contains: ") // she will never read again
	bob := join(t, addr, "bob", "* The room contains: alice")
	alice.expect("* bob has entered the room")
	carol := join(t, addr, "carol", "* The room contains: alice, bob")
	alice.expect("* carol has entered the room")
	bob.expect("* carol has entered the room")

	// bob talks until alice's socket buffers and outbox are full; carol reads every line. The
	// line that finds alice's outbox full gets her dropped: carol hears of it right after that line.
	line := strings.Repeat("x", 16<<10)
	for sent := 1; ; sent++ {
		if sent > 2000 {
			t.Fatalf("alice still in the room after %d lines of %d bytes", sent, len(line))
		}
		bob.send(line + "\n")
		got := carol.readLine()
		if got == "* alice has left the room" {
			carol.expect("[bob] " + line) // the line just sent, which came after the announcement
			break
		}
		if got != "[bob] "+line {
			t.Fatalf("carol got %.40q...", got)
		}
	}
	bob.send("still here\n")
	carol.expect("[bob] still here")

	// alice gets some of the lines, then the end of the connection, never a hole in the middle.
	for {
		got, err := alice.r.ReadString('\n')
		if err != nil {
			break // the end of the stream, or a reset: she knows she was cut off
		}
		if got != "* carol has entered the room\n" && got != "[bob] "+line+"\n" {
			t.Fatalf("alice got %.40q...", got)
		}
	}
}

func TestManyClients(t *testing.T) {
	addr := startServer(t, testServer())
	var clients []*testClient
	var names []string
	for i := 0; i < 50; i++ {
		name := "user" + string(rune('A'+i%26)) + string(rune('a'+i/26))
		c := join(t, addr, name, "* The room contains: "+strings.Join(sortedCopy(names), ", "))
		for _, other := range clients {
			other.expect("* " + name + " has entered the room")
		}
		clients, names = append(clients, c), append(names, name)
	}
	for i, c := range clients {
		c.send("message from " + names[i] + "\n")
		for j, other := range clients {
			if j != i {
				other.expect("[" + names[i] + "] message from " + names[i])
			}
		}
	}
	for i, c := range clients {
		c.conn.Close()
		for _, other := range clients[i+1:] {
			other.expect("* " + names[i] + " has left the room")
		}
	}
}

func sortedCopy(names []string) []string {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	return sorted
}
