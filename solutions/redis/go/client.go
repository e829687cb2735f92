package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

// A client is one connection. Three goroutines serve it:
//
//   - serveConn, the connection's own goroutine, parses commands and runs them one at a time,
//     queueing each reply in the outbox;
//   - readLoop copies what arrives on the socket to serveConn. It keeps reading while serveConn
//     is blocked in BLPOP, which is how a blocked client that hangs up is noticed (Redis keeps
//     reading a blocked client's socket for the same reason);
//   - the outbox's writeLoop writes the replies, and the Pub/Sub messages, to the socket.
type client struct {
	s    *server
	conn net.Conn // nil in unit tests, which run commands without a connection
	out  *outbox

	// Input, from readLoop to serveConn.
	chunks  chan []byte   // what the socket delivered, chunk by chunk
	rest    []byte        // the part of the current chunk that the parser has not read yet
	readErr error         // why readLoop stopped (io.EOF: the client closed); set before chunks is closed
	hangup  chan struct{} // closed when readLoop stops: the client hung up, or the socket failed
	done    chan struct{} // closed when the connection is over, so that readLoop stops too

	// closeAfterReply ends the connection once the current command's reply is sent: QUIT, or a
	// client that hung up while blocked. Only serveConn uses it.
	closeAfterReply bool

	// The rest is guarded by server.mu.

	tx *transaction // the commands queued since MULTI; nil outside MULTI
	// watched holds the keys this client WATCHes, each mapped to whether it had already
	// expired when WATCH was called.
	watched map[string]bool
	// dirty is set when a watched key changes: the next EXEC fails.
	dirty    bool
	channels map[string]struct{} // SUBSCRIBEd channels
	patterns map[string]struct{} // PSUBSCRIBEd patterns
}

// readChunk is how much one read from the socket asks for (Redis's PROTO_IOBUF_LEN), and
// inputChunks how many chunks may wait for serveConn: at most 1 MiB of unparsed input per client.
const (
	readChunk   = 16 * 1024
	inputChunks = 64
)

// How a connection ends.
const (
	// drainTime is how long the writer may still take to send the last replies after the
	// connection's goroutine has finished (the client half-closed, or sent QUIT): a client that
	// never reads them cannot keep the connection open forever.
	drainTime = 10 * time.Second
	// After a protocol error or QUIT the server closes while the client may still be sending.
	// Closing a TCP socket with unread bytes in its receive buffer makes the kernel answer with
	// a reset (RST) instead of a FIN, and the reset can destroy the last reply before the client
	// reads it. So the server sends FIN, reads and discards what is still coming for a moment,
	// and only then closes. These bound that moment.
	lingerTime  = 500 * time.Millisecond
	lingerBytes = 1 << 20
)

func newClient(s *server, conn net.Conn) *client {
	return &client{
		s:      s,
		conn:   conn,
		out:    newOutbox(s.maxPending),
		chunks: make(chan []byte, inputChunks),
		hangup: make(chan struct{}),
		done:   make(chan struct{}),
	}
}

// serveConn serves one connection until the client closes its side, breaks the protocol, or
// asks to QUIT.
func (s *server) serveConn(conn net.Conn) {
	c := newClient(s, conn)
	go c.readLoop()
	go c.out.writeLoop(conn)

	linger := false
	defer func() { c.finish(linger) }()
	r := newReader(c)
	for {
		c.out.waitForRoom()
		args, err := r.readCommand()
		if err != nil {
			// After a protocol error nothing tells where the next command starts. Redis answers
			// with the error and closes the connection; so do we.
			var perr *protocolError
			if errors.As(err, &perr) {
				c.out.queue(errorReply("ERR " + perr.Error()))
				linger = true
			}
			// io.EOF: the client sent FIN after its last command (a half-close); its replies are
			// queued and finish sends them. io.ErrUnexpectedEOF: the FIN came in the middle of a
			// command; there is nothing to answer. Anything else is a broken connection.
			return
		}
		c.handle(args)
		if c.closeAfterReply {
			linger = true
			return
		}
	}
}

// readLoop copies what arrives on the socket into c.chunks until the socket fails or the client
// closes its side. When serveConn falls 1 MiB behind (inputChunks), readLoop waits for it, and
// TCP makes the client wait in turn. (So a client blocked in BLPOP that has sent more than 1 MiB
// after it is noticed hanging up only once it is served or times out.)
func (c *client) readLoop() {
	defer close(c.hangup)
	buf := make([]byte, readChunk)
	for {
		n, err := c.conn.Read(buf)
		if n > 0 {
			select {
			case c.chunks <- append([]byte(nil), buf[:n]...):
			case <-c.done:
				return
			}
		}
		if err != nil {
			c.readErr = err
			close(c.chunks)
			return
		}
	}
}

// Read gives the command parser the bytes readLoop received (client is the parser's io.Reader).
func (c *client) Read(p []byte) (int, error) {
	for len(c.rest) == 0 {
		var chunk []byte
		var ok bool
		select {
		case chunk, ok = <-c.chunks:
		default:
			// Nothing more has arrived: every command received so far has been handled. That is
			// exactly the moment to send their replies, in one write: the client may be waiting
			// for them before it sends anything else.
			c.out.flush()
			chunk, ok = <-c.chunks
		}
		if !ok {
			return 0, c.readErr
		}
		c.rest = chunk
	}
	n := copy(p, c.rest)
	c.rest = c.rest[n:]
	return n, nil
}

// finish ends the connection: the server forgets the client, the last replies are sent, and the
// socket is closed, which also stops readLoop.
func (c *client) finish(linger bool) {
	c.s.mu.Lock()
	c.s.forget(c)
	c.s.mu.Unlock()

	c.out.close()
	c.conn.SetWriteDeadline(time.Now().Add(drainTime))
	<-c.out.done
	if tcp, ok := c.conn.(*net.TCPConn); ok && linger && !c.out.failed() && tcp.CloseWrite() == nil {
		c.conn.SetReadDeadline(time.Now().Add(lingerTime))
		io.Copy(io.Discard, io.LimitReader(c, lingerBytes))
	}
	c.conn.Close()
	close(c.done)
}

// handle runs one command and queues its reply. The server lock is held from the lookup of the
// command to the reply being queued: commands are atomic, as in Redis, and a message published
// to a channel that this command subscribes to can only come after the confirmation.
func (c *client) handle(args [][]byte) {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx := &cmdContext{s: s, db: s.db, client: c, now: s.now()}
	r := c.dispatch(ctx, args)
	// Clients blocked on keys this command pushed to get their elements now, before any
	// other command can take them.
	s.db.serveBlocked()
	if r != nil {
		c.out.queue(r)
	}
}

// dispatch finds the command, checks that it may run now, and runs it (or queues it, inside
// MULTI). The checks come in Redis's order: unknown command, arity, subscribed mode, MULTI.
func (c *client) dispatch(ctx *cmdContext, args [][]byte) reply {
	cmd, err := c.s.commands.lookup(args)
	if cmd == nil {
		return c.reject(nil, err)
	}
	if !cmd.acceptsArgs(len(args)) {
		return c.reject(cmd, wrongArity(cmd.name))
	}
	if c.subscriptions() > 0 && !cmd.subscribedOK {
		return c.reject(cmd, errorReply(fmt.Sprintf("ERR Can't execute '%s': only (P|S)SUBSCRIBE / "+
			"(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context", cmd.name)))
	}
	if c.tx != nil && !cmd.noQueue {
		c.tx.queued = append(c.tx.queued, queuedCommand{cmd: cmd, args: args})
		return simpleString("QUEUED")
	}
	return cmd.run(ctx, args)
}

// reject answers a command refused before it ran. Inside MULTI a refused command dooms the
// transaction (EXEC will answer EXECABORT); a refused EXEC aborts it at once. This is Redis's
// rejectCommand.
func (c *client) reject(cmd *command, err errorReply) reply {
	if c.tx != nil {
		c.tx.failed = true
	}
	if cmd != nil && cmd.name == "exec" {
		c.s.discardTransaction(c)
		return errorReply("EXECABORT Transaction discarded because of: " + strings.TrimPrefix(string(err), "ERR "))
	}
	return err
}

// forget removes every trace of a client that is going away: its subscriptions, its watches,
// its transaction. (A client blocked in BLPOP removes its own waiter before it returns.)
func (s *server) forget(c *client) {
	s.unsubscribeAll(c)
	s.discardTransaction(c)
}
