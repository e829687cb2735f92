package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

// server holds what all connections share: the room, and settings that tests may change. There
// is no global state; tests build as many servers as they like.
type server struct {
	room *room
	// outboxLines is how many lines may wait for one client before it counts as a slow consumer
	// and is disconnected (see room.broadcastLocked). At least 2: the welcome and the room listing
	// are queued before the client can read either.
	outboxLines int
	// linger is how long the end of a session may take: sending what is still queued, and waiting
	// for the client to close its side (see session.end).
	linger time.Duration
	// maxLineBytes is the longest line a client may send.
	maxLineBytes int
}

// defaultOutboxLines: a client that reads normally never has more than a handful of lines
// waiting, since the kernel's socket buffers (hundreds of kilobytes at least) take them first. Lines
// pile up in the outbox only once those are full as well. 1,024 lines is ample for a burst (a
// room of hundreds all talking at once) and bounds what a stuck client holds: 1,024 references
// to lines that are shared with every other recipient anyway, 64 MiB at the very worst.
const defaultOutboxLines = 1024

// defaultLinger: the time a client is given to read its last line and close its side.
const defaultLinger = 5 * time.Second

func newServer() *server {
	return &server{
		room:         newRoom(),
		outboxLines:  defaultOutboxLines,
		linger:       defaultLinger,
		maxLineBytes: maxLineBytes,
	}
}

// serve accepts connections until the listener is closed, each served by its own goroutines: a
// client that stays connected and silent must not keep the others waiting.
func (s *server) serve(ln net.Listener) error {
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
