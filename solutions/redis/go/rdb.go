package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc64"
	"io/fs"
	"os"
	"strconv"
)

// Loading an RDB file, the snapshot format Redis saves its data in, at start-up.
// https://rdb.fnordig.de/file_format.html describes the format; Redis's own rdb.c is the
// reference. This server loads string keys, with their expiry times, from database 0.
//
// A file is:
//
//	"REDIS" and a 4-digit version ("0010")
//	then records, each starting with an opcode byte:
//	  0xFA aux field: two strings (redis-ver, ctime, ...), skipped
//	  0xFE SELECTDB: a length, the database number of the keys that follow
//	  0xFB RESIZEDB: two lengths, sizing hints, skipped
//	  0xFD expiry time of the next key: 4 bytes, little-endian, seconds since the Unix epoch
//	  0xFC expiry time of the next key: 8 bytes, little-endian, milliseconds
//	  0xF8, 0xF9 eviction hints of the next key (idle time, access frequency), skipped
//	  0x00 a string key: its name, then its value, both strings
//	  0xFF the end, then (from version 5) an 8-byte CRC-64 of everything before it
const (
	rdbTypeString    = 0x00
	rdbOpIdle        = 0xF8
	rdbOpFreq        = 0xF9
	rdbOpAux         = 0xFA
	rdbOpResizeDB    = 0xFB
	rdbOpExpireMs    = 0xFC
	rdbOpExpireSec   = 0xFD
	rdbOpSelectDB    = 0xFE
	rdbOpEOF         = 0xFF
	rdbMaxVersion    = 11 // Redis 7.2's; 7.0 writes 10. String records are the same in all.
	rdbFirstChecksum = 5  // the first version that ends with a checksum
)

// rdbKey is one key read from a file.
type rdbKey struct {
	db        int
	key       string
	value     []byte
	expiresAt int64 // milliseconds since the Unix epoch; 0: never
}

// loadRDB loads the RDB file at path into db, leaving out the keys that have already expired,
// as Redis does. A missing file is not an error: the server starts empty.
func loadRDB(path string, db *keyspace, now int64) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	keys, err := parseRDB(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, k := range keys {
		// This server has only database 0 (there is no SELECT command).
		if k.db != 0 || (k.expiresAt != 0 && k.expiresAt < now) {
			continue
		}
		db.set(k.key, stringValue(k.value), k.expiresAt)
	}
	return nil
}

// parseRDB reads every key of an RDB file. The whole file is in memory: that keeps the reading
// simple, and the files this server meets are small. (Redis reads its file as a stream.)
func parseRDB(data []byte) ([]rdbKey, error) {
	r := &rdbReader{data: data}
	header, err := r.bytes(9)
	if err != nil || string(header[:5]) != "REDIS" {
		return nil, errors.New("not an RDB file: it does not start with REDIS and a version")
	}
	version, err := strconv.Atoi(string(header[5:]))
	if err != nil || version < 1 || version > rdbMaxVersion {
		return nil, fmt.Errorf("can't handle RDB format version %q", header[5:])
	}

	var keys []rdbKey
	db := 0
	var expiresAt int64 // of the next key
	for {
		opcode, err := r.byte()
		if err != nil {
			return nil, err
		}
		switch opcode {
		case rdbOpAux:
			if _, err = r.string(); err == nil {
				_, err = r.string()
			}
		case rdbOpSelectDB:
			var n uint64
			n, err = r.length()
			db = int(n)
		case rdbOpResizeDB:
			if _, err = r.length(); err == nil {
				_, err = r.length()
			}
		case rdbOpExpireSec:
			var b []byte
			if b, err = r.bytes(4); err == nil {
				// Signed, as Redis reads it (an int32).
				expiresAt = int64(int32(binary.LittleEndian.Uint32(b))) * 1000
			}
		case rdbOpExpireMs:
			var b []byte
			if b, err = r.bytes(8); err == nil {
				expiresAt = int64(binary.LittleEndian.Uint64(b))
			}
		case rdbOpIdle:
			_, err = r.length()
		case rdbOpFreq:
			_, err = r.byte()
		case rdbTypeString:
			var key, value []byte
			if key, err = r.string(); err == nil {
				if value, err = r.string(); err == nil {
					keys = append(keys, rdbKey{db: db, key: string(key), value: value, expiresAt: expiresAt})
				}
			}
			expiresAt = 0
		case rdbOpEOF:
			if version >= rdbFirstChecksum {
				if err := r.checksum(); err != nil {
					return nil, err
				}
			}
			return keys, nil
		default:
			return nil, r.errorf(-1, "value type or opcode 0x%02x is not supported (this server loads only strings, type 0)", opcode)
		}
		if err != nil {
			return nil, err
		}
	}
}

// rdbReader reads an RDB file's data from the start.
type rdbReader struct {
	data []byte
	pos  int
}

// errorf reports a problem at the reader's position plus delta.
func (r *rdbReader) errorf(delta int, format string, args ...any) error {
	return fmt.Errorf("offset %d: "+format, append([]any{r.pos + delta}, args...)...)
}

func (r *rdbReader) byte() (byte, error) {
	b, err := r.bytes(1)
	if err != nil {
		return 0, err
	}
	return b[0], nil
}

// bytes returns the next n bytes, a slice of the file's data.
func (r *rdbReader) bytes(n uint64) ([]byte, error) {
	if n > uint64(len(r.data)-r.pos) {
		return nil, r.errorf(0, "the file ends in the middle of a record (%d bytes needed, %d left)", n, len(r.data)-r.pos)
	}
	b := r.data[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return b, nil
}

// lengthOrEncoding reads Redis's variable-size length. Its first byte's top two bits tell the
// size: 00 a 6-bit length in the rest of the byte, 01 a 14-bit one with the next byte, 10 a
// 32-bit (0x80) or 64-bit (0x81) big-endian one in the next bytes. 11 is not a length but a
// special string encoding, numbered by the low 6 bits: encoded is then true.
func (r *rdbReader) lengthOrEncoding() (n uint64, encoded bool, err error) {
	first, err := r.byte()
	if err != nil {
		return 0, false, err
	}
	switch first >> 6 {
	case 0:
		return uint64(first & 0x3F), false, nil
	case 1:
		next, err := r.byte()
		return uint64(first&0x3F)<<8 | uint64(next), false, err
	case 2:
		switch first {
		case 0x80:
			b, err := r.bytes(4)
			if err != nil {
				return 0, false, err
			}
			return uint64(binary.BigEndian.Uint32(b)), false, nil
		case 0x81:
			b, err := r.bytes(8)
			if err != nil {
				return 0, false, err
			}
			return binary.BigEndian.Uint64(b), false, nil
		}
		return 0, false, r.errorf(-1, "unknown length encoding 0x%02x", first)
	default:
		return uint64(first & 0x3F), true, nil
	}
}

// length reads a length where no string encoding may appear.
func (r *rdbReader) length() (uint64, error) {
	n, encoded, err := r.lengthOrEncoding()
	if err == nil && encoded {
		err = r.errorf(-1, "a string encoding where a length was expected")
	}
	return n, err
}

// String encodings, after a first byte 11xxxxxx: integers, stored in binary and loaded as their
// decimal text, and LZF-compressed strings.
const (
	rdbEncInt8  = 0
	rdbEncInt16 = 1
	rdbEncInt32 = 2
	rdbEncLZF   = 3
)

// string reads a string: a length then that many bytes, or a special encoding.
func (r *rdbReader) string() ([]byte, error) {
	n, encoded, err := r.lengthOrEncoding()
	if err != nil {
		return nil, err
	}
	if !encoded {
		b, err := r.bytes(n)
		// A copy: a slice would keep the whole file in memory as long as the key lives.
		return append([]byte(nil), b...), err
	}
	switch n {
	case rdbEncInt8, rdbEncInt16, rdbEncInt32:
		size := uint64(1) << n // 1, 2 or 4 bytes, little-endian, signed
		b, err := r.bytes(size)
		if err != nil {
			return nil, err
		}
		var v int64
		switch size {
		case 1:
			v = int64(int8(b[0]))
		case 2:
			v = int64(int16(binary.LittleEndian.Uint16(b)))
		case 4:
			v = int64(int32(binary.LittleEndian.Uint32(b)))
		}
		return strconv.AppendInt(nil, v, 10), nil
	case rdbEncLZF:
		compressedLen, err := r.length()
		if err != nil {
			return nil, err
		}
		length, err := r.length()
		if err != nil {
			return nil, err
		}
		compressed, err := r.bytes(compressedLen)
		if err != nil {
			return nil, err
		}
		s, err := lzfDecompress(compressed, length)
		if err != nil {
			return nil, r.errorf(-int(compressedLen), "invalid LZF compressed string: %v", err)
		}
		return s, nil
	}
	return nil, r.errorf(-1, "unknown string encoding %d", n)
}

// checksum checks the CRC-64 that follows the EOF opcode. Redis writes 0 when checksums are
// turned off (rdbchecksum no), and then does not check either.
func (r *rdbReader) checksum() error {
	want := rdbCRC(r.data[:r.pos])
	b, err := r.bytes(8)
	if err != nil {
		return err
	}
	if got := binary.LittleEndian.Uint64(b); got != 0 && got != want {
		return fmt.Errorf("wrong RDB checksum: the file says %016x, its content gives %016x", got, want)
	}
	return nil
}

// crcJones is the table of the CRC-64 variant Redis uses ("Jones": polynomial 0xad93d23594c935a9,
// given here bit-reversed as hash/crc64 wants it). Unlike crc64.ISO and crc64.ECMA it starts from
// 0 and does not invert the result, hence the ^ in rdbCRC, which undo the ones crc64.Update does.
var crcJones = crc64.MakeTable(0x95AC9329AC4BC9B5)

func rdbCRC(data []byte) uint64 {
	return ^crc64.Update(^uint64(0), crcJones, data)
}

// lzfDecompress expands LZF-compressed data (liblzf's format, which Redis uses for strings over
// 20 bytes when compression saves space) into exactly n bytes. The data is a series of chunks,
// each starting with a control byte:
//
//	000LLLLL                     a literal run: the next L+1 bytes as they are
//	LLLOOOOO [LLLLLLLL] OOOOOOOO a back reference: copy L+2 bytes from O+1 bytes back in the
//	                             output; when the 3-bit L is 7, the next byte adds to it
func lzfDecompress(in []byte, n uint64) ([]byte, error) {
	// A back reference of 3 bytes yields at most 264: anything claiming more is corrupt, and
	// must not make us allocate gigabytes.
	if n > uint64(len(in))*88+264 {
		return nil, fmt.Errorf("%d bytes cannot expand to %d", len(in), n)
	}
	out := make([]byte, 0, n)
	for i := 0; i < len(in); {
		ctrl := int(in[i])
		i++
		if ctrl < 1<<5 {
			run := ctrl + 1
			if i+run > len(in) || uint64(len(out)+run) > n {
				return nil, errors.New("literal run past the end")
			}
			out = append(out, in[i:i+run]...)
			i += run
			continue
		}
		length := ctrl >> 5
		if length == 7 {
			if i == len(in) {
				return nil, errors.New("truncated back reference")
			}
			length += int(in[i])
			i++
		}
		length += 2
		if i == len(in) {
			return nil, errors.New("truncated back reference")
		}
		offset := (ctrl&0x1F)<<8 + int(in[i]) + 1
		i++
		if offset > len(out) || uint64(len(out)+length) > n {
			return nil, errors.New("back reference out of range")
		}
		// Byte by byte: the source may overlap what is being written (a run of one byte
		// repeated is a reference to the byte just before).
		from := len(out) - offset
		for k := 0; k < length; k++ {
			out = append(out, out[from+k])
		}
	}
	if uint64(len(out)) != n {
		return nil, fmt.Errorf("expanded to %d bytes, not %d", len(out), n)
	}
	return out, nil
}
