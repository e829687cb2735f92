// Command server is the Go reference solution of byo-kit's "Build your own Redis" challenge: a
// server that speaks RESP2, the Redis serialization protocol, directly on TCP sockets.
// https://redis.io/docs/latest/develop/reference/protocol-spec/
//
// Files, by concern:
//
//	main.go        arguments, listening
//	server.go      accept loop; one goroutine per connection, reading commands and writing replies
//	resp.go        reading commands off the wire: RESP arrays of bulk strings and inline commands
//	reply.go       the RESP2 values the server answers with, and their encoding
//	integer.go     integers parsed exactly as strictly as Redis parses them
//	commands.go    the command table: lookup by name, arity, unknown-command errors
//	cmd_conn.go    PING, ECHO
//	cmd_string.go  SET, GET
//	keyspace.go    the keys, their values and expiry times, behind one mutex
//
// Run the unit and end-to-end tests with: go test ./...
package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
)

// defaultPort is the port Redis itself uses.
const defaultPort = 6379

func main() {
	port, err := portFromArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(2)
	}
	// Loopback only: this is a teaching server, and the grader connects to 127.0.0.1.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
	fmt.Printf("listening on %s\n", ln.Addr())
	if err := newServer().serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// portFromArgs finds --port N (or --port=N) anywhere in args. Every other argument is skipped on
// purpose: later stages start the server with --dir DIR --dbfilename NAME, which only the RDB
// stages need, and a server must not refuse to start because of them.
func portFromArgs(args []string) (int, error) {
	port := defaultPort
	for i := 0; i < len(args); i++ {
		var value string
		switch {
		case args[i] == "--port":
			if i+1 == len(args) {
				return 0, errors.New("--port needs a value")
			}
			i++
			value = args[i]
		case strings.HasPrefix(args[i], "--port="):
			value = strings.TrimPrefix(args[i], "--port=")
		default:
			continue
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > 65535 {
			return 0, fmt.Errorf("--port %q is not a TCP port", value)
		}
		port = n
	}
	return port, nil
}
