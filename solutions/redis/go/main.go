// Command server is the Go reference solution of byo-kit's "Build your own Redis" challenge: a
// server that speaks RESP2, the Redis serialization protocol, directly on TCP sockets.
// https://redis.io/docs/latest/develop/reference/protocol-spec/
//
// Files, by concern:
//
//	main.go        start-up: arguments, the RDB file, listening
//	config.go      --port, --dir, --dbfilename; CONFIG GET
//	server.go      the server lock and the accept loop
//	client.go      one connection: its goroutines, running commands, MULTI queueing, its end
//	outbox.go      a connection's output queue and writer goroutine; the slow-client policy
//	resp.go        reading commands off the wire: RESP arrays of bulk strings and inline commands
//	reply.go       the RESP2 values the server answers with, and their encoding
//	integer.go     integers parsed exactly as strictly as Redis parses them
//	commands.go    the command table: lookup by name, arity, unknown-command errors
//	keyspace.go    the keys, their values and expiry times; lazy expiry; WATCH notifications
//	expire.go      active expiry, the background cycle that deletes expired keys
//	list.go        the list value, a ring buffer
//	blocking.go    clients blocked in BLPOP, and handing them pushed elements
//	glob.go        Redis's glob-style pattern matching (KEYS, PSUBSCRIBE)
//	rdb.go         loading an RDB file
//	cmd_conn.go    PING, ECHO, QUIT, RESET
//	cmd_string.go  GET, SET, INCR, DECR, INCRBY, DECRBY
//	cmd_keys.go    DEL, EXISTS, TYPE, KEYS, TTL, PTTL, DBSIZE
//	cmd_list.go    RPUSH, LPUSH, LRANGE, LLEN, LPOP, BLPOP
//	cmd_multi.go   MULTI, EXEC, DISCARD, WATCH, UNWATCH
//	cmd_pubsub.go  SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH
//
// Run the unit and end-to-end tests with: go test ./...
package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

func main() {
	cfg, err := parseArgs(os.Args[1:], os.Getenv)
	if err == nil {
		cfg.dir, err = resolveDir(cfg.dir)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(2)
	}
	s := newServer(cfg)
	// Like Redis, load the data before serving it. A file that cannot be read is fatal: starting
	// empty instead would serve wrong answers, and the next save would overwrite the data.
	path := filepath.Join(cfg.dir, cfg.dbfilename)
	if err := loadRDB(path, s.db, time.Now().UnixMilli()); err != nil {
		fmt.Fprintln(os.Stderr, "server: cannot load the RDB file:", err)
		os.Exit(1)
	}
	// Loopback only: this is a teaching server, and the grader connects to 127.0.0.1.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(cfg.port)))
	if err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
	fmt.Printf("listening on %s (%d keys loaded from %s)\n", ln.Addr(), len(s.db.keys), path)
	if err := s.serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}
