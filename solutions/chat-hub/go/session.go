package main

import (
	"errors"
	"net"
	"time"
)

// serveConn runs one connection's session, in its own goroutine, from the welcome line to the
// moment the connection is gone:
//
//	naming ──legal, free name──▶ joined ──disconnect, error, line too long, too slow──▶ gone
//	  └──illegal or taken name, line too long, disconnect──────────────────────────────▶ gone
//
// Every way out goes through end, which is the only place that leaves the room: whatever ends a
// session (the client closing, a reset, a line over the limit, the room dropping a slow consumer),
// the others hear about a joined client's departure exactly once (room.leave announces only a
// member, once), and about one that never joined, never. When serveConn returns, both of the
// connection's goroutines have ended and its socket is closed.
func (s *server) serveConn(conn net.Conn) {
	c := newClient(conn, s.outboxLines)
	go c.writeLoop()
	lines := newLineReader(conn, s.maxLineBytes)
	c.send(welcomeLine)
	last := s.converse(c, lines)
	s.end(c, lines, last)
}

// converse reads the client's name, then relays its lines, until the session ends. It returns the
// line to send the client before hanging up, or nil when there is nothing to say (it left, or its
// connection broke).
func (s *server) converse(c *client, lines *lineReader) []byte {
	name, err := lines.readLine()
	if err != nil {
		return lastWords(err)
	}
	if !isLegalName(name) {
		return illegalNameLine
	}
	c.name = string(name)
	if !s.room.join(c) {
		return nameTakenLine
	}
	for {
		text, err := lines.readLine()
		if err != nil {
			return lastWords(err)
		}
		if !s.room.say(c, text) {
			return nil // dropped as a slow consumer: its connection is already closed
		}
	}
}

// lastWords is what to tell a client whose line could not be read.
func lastWords(err error) []byte {
	if errors.Is(err, errLineTooLong) {
		return lineTooLongLine
	}
	return nil // the client closed, or the connection broke: nobody to tell
}

// end ends the session: the client leaves the room (the others are told first: the client is out
// of the room from this moment), gets last if there is one, and the connection is closed.
//
// Closing is done gently, because of how TCP treats unread data: closing a socket while bytes the
// client sent are still unread makes the kernel send a reset (RST) instead of a normal end, and a
// reset can destroy what was sent just before it, our error line included, before the client reads
// it. That is exactly the case of a line over the limit, whose rest is still arriving. So the
// writer sends what is queued and then a FIN (the end of our half: the client reads everything,
// then the end of the stream), while this goroutine reads and drops whatever the client still
// sends, until it closes its side too. s.linger bounds both, for a client that does neither.
func (s *server) end(c *client, lines *lineReader, last []byte) {
	s.room.leave(c)
	// Out of the room: from now on nobody else queues lines for c, so it is safe to close its outbox.
	if last != nil {
		c.send(last) // dropped if the outbox is full, which only happens to a client that is not reading
	}
	deadline := time.Now().Add(s.linger)
	c.conn.SetWriteDeadline(deadline) // applies to a Write already waiting, too
	c.finish()
	c.conn.SetReadDeadline(deadline)
	lines.drain() // returns at the client's FIN, an error, or the deadline
	<-c.written
	c.conn.Close()
}
