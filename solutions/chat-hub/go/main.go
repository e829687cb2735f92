// Command server is the Go reference solution of byo-kit's "Build your own chat hub" challenge: a
// line-based chat server on raw TCP, compatible with Protohackers' Budget Chat (problem 3).
// https://protohackers.com/problem/3
//
// Files, by concern:
//
//	main.go        start-up: arguments, listening
//	config.go      --port N (and PORT); unknown options are ignored
//	server.go      the accept loop and the settings every connection shares
//	session.go     one connection from the welcome to its end: naming, talking, every way out
//	client.go      a connection as the room sees it: its bounded outbox and its writer goroutine
//	room.go        who is in the room; join, talk, leave; the slow-consumer policy
//	linereader.go  cutting the byte stream into lines, at most 65,536 bytes each
//	names.go       what a name may be
//	messages.go    every line the server sends
//
// Each connection runs two goroutines: its session goroutine reads lines and acts on them, its
// writer goroutine is the only one that writes to its socket. Run the tests with: go test ./...
package main

import (
	"fmt"
	"net"
	"os"
	"strconv"
)

func main() {
	cfg, err := parseArgs(os.Args[1:], os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		fmt.Fprintln(os.Stderr, "usage: server [--port N] (unknown options are ignored)")
		os.Exit(2)
	}
	// Loopback only: this is a teaching server, and the grader connects to 127.0.0.1.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(cfg.port)))
	if err != nil {
		// Usually another program on the port (address already in use).
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
	fmt.Printf("listening on %s\n", ln.Addr())
	if err := newServer().serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}
