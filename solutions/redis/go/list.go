package main

// listValue is a Redis list: a sequence of strings that grows and shrinks at both ends. It is a
// ring buffer, so that LPUSH, RPUSH and LPOP are O(1) and LRANGE reaches any index directly.
// (Redis uses a linked list of packed arrays, its "quicklist", for the same purpose.)
//
// The elements themselves are never modified: LRANGE may hand them to a reply as they are.
type listValue struct {
	ring [][]byte // len(ring) is the capacity, 0 or a power of two
	head int      // index in ring of the first element
	n    int      // number of elements
}

func (*listValue) typeName() string { return "list" }

func (l *listValue) len() int { return l.n }

// at returns element i, counted from the head: 0 ≤ i < len().
func (l *listValue) at(i int) []byte {
	return l.ring[(l.head+i)&(len(l.ring)-1)]
}

func (l *listValue) pushBack(v []byte) {
	l.grow()
	l.ring[(l.head+l.n)&(len(l.ring)-1)] = v
	l.n++
}

func (l *listValue) pushFront(v []byte) {
	l.grow()
	l.head = (l.head - 1) & (len(l.ring) - 1)
	l.ring[l.head] = v
	l.n++
}

// popFront removes and returns the first element; the list must not be empty.
func (l *listValue) popFront() []byte {
	v := l.ring[l.head]
	l.ring[l.head] = nil // let the garbage collector have it
	l.head = (l.head + 1) & (len(l.ring) - 1)
	l.n--
	return v
}

// grow makes room for one more element, doubling the ring when it is full.
func (l *listValue) grow() {
	if l.n < len(l.ring) {
		return
	}
	size := 2 * len(l.ring)
	if size == 0 {
		size = 4
	}
	bigger := make([][]byte, size)
	for i := 0; i < l.n; i++ {
		bigger[i] = l.at(i)
	}
	l.ring, l.head = bigger, 0
}
