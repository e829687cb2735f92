package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"time"
)

// server holds what all connections share. There is no global state; tests build as many
// servers as they like.
type server struct {
	// mu is the server lock. Redis runs one command at a time on one thread; here each
	// connection has its own goroutine, and mu gives their commands the same guarantee: a
	// command holds it from start to end (client.handle), EXEC for its whole transaction. It
	// guards the keyspace, the Pub/Sub subscriptions, and the client fields marked as guarded.
	//
	// Lock order: mu, then an outbox's lock (commands queue replies while holding mu). Nothing
	// ever waits for a client while holding mu: BLPOP releases it while it waits, and output
	// goes through outboxes, which never block.
	mu       sync.Mutex
	db       *keyspace
	channels map[string]map[*client]struct{} // the subscribers of each channel
	patterns map[string]map[*client]struct{} // the subscribers of each pattern

	commands commandTable
	config   config
	// maxPending bounds the output queued for one client (see outbox).
	maxPending int
	// now reads the clock, in milliseconds since the Unix epoch. Tests replace it.
	now func() int64
}

// defaultMaxPending is Redis's hard client-output-buffer-limit for Pub/Sub clients.
const defaultMaxPending = 32 << 20

func newServer(cfg config) *server {
	return &server{
		db:         newKeyspace(),
		channels:   make(map[string]map[*client]struct{}),
		patterns:   make(map[string]map[*client]struct{}),
		commands:   newCommandTable(),
		config:     cfg,
		maxPending: defaultMaxPending,
		now:        func() int64 { return time.Now().UnixMilli() },
	}
}

// serve accepts connections until the listener is closed, each served by its own goroutines: a
// client that stays connected and silent must not keep the others waiting. Meanwhile active
// expiry runs in the background.
func (s *server) serve(ln net.Listener) error {
	stop := make(chan struct{})
	defer close(stop)
	go s.expireCycle(stop)
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			// Accept errors are about one connection (ECONNABORTED) or a passing shortage
			// (EMFILE: out of file descriptors). Wait a moment rather than spin, then carry on.
			fmt.Fprintln(os.Stderr, "accept:", err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go s.serveConn(conn)
	}
}
