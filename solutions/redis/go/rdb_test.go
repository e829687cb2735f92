package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// redisDump was saved by redis-server 7.0.15 (SAVE) after:
//
//	SET small hello; SET i8 -128; SET i16 1000; SET i32 -100000; SET big 12345678901
//	SET long abcdefgh...(20 times); SET exp v PXAT 4102444800123; SET "" empty
//	SELECT 1; SET other db1
//
// Redis stored i8, i16 and i32 as integers (0xC0, 0xC1, 0xC2), long compressed (0xC3: LZF), and
// added aux fields, RESIZEDB hints and a checksum.
const redisDump = "524544495330303130fa0972656469732d76657206372e302e3135fa0a726564" +
	"69732d62697473c040fa056374696d65c24171056bfa08757365642d6d656dc2" +
	"10491c00fa08616f662d62617365c000fe00fb080100026938c0800003626967" +
	"0b313233343536373839303100046c6f6e67c31040a008616263646566676861" +
	"e08c070167680005736d616c6c0568656c6c6f0003693136c1e803000005656d" +
	"7074790003693332c26079fefffc7bd8c32cbb03000000036578700176fe01fb" +
	"010000056f7468657203646231ff4105e6825ebc312c"

func TestParseRedisDump(t *testing.T) {
	data, _ := hex.DecodeString(redisDump)
	got, err := parseRDB(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []rdbKey{
		{0, "i8", []byte("-128"), 0},
		{0, "big", []byte("12345678901"), 0},
		{0, "long", []byte(strings.Repeat("abcdefgh", 20)), 0},
		{0, "small", []byte("hello"), 0},
		{0, "i16", []byte("1000"), 0},
		{0, "", []byte("empty"), 0},
		{0, "i32", []byte("-100000"), 0},
		{0, "exp", []byte("v"), 4102444800123},
		{1, "other", []byte("db1"), 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// rdbFile assembles a file: the header for version, the records, EOF, and (from version 5) the
// checksum, or the given one.
func rdbFile(version string, records string, checksum ...uint64) []byte {
	data := append([]byte("REDIS"+version), records...)
	data = append(data, rdbOpEOF)
	if version >= "0005" {
		sum := rdbCRC(data)
		if len(checksum) > 0 {
			sum = checksum[0]
		}
		data = binary.LittleEndian.AppendUint64(data, sum)
	}
	return data
}

func TestParseRDB(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct {
		name string
		data []byte
		want []rdbKey // nil: an error containing wantErr
		err  string
	}{
		{"empty", rdbFile("0011", ""), nil, ""},
		{"version 3, no checksum", rdbFile("0003", "\x00\x01k\x01v"), []rdbKey{{0, "k", []byte("v"), 0}}, ""},
		{"14-bit length", rdbFile("0010", "\x00\x01k\x41\x2c"+long), []rdbKey{{0, "k", []byte(long), 0}}, ""},
		{"32-bit length", rdbFile("0010", "\x00\x01k\x80\x00\x00\x01\x2c"+long), []rdbKey{{0, "k", []byte(long), 0}}, ""},
		{"64-bit length", rdbFile("0010", "\x00\x01k\x81\x00\x00\x00\x00\x00\x00\x00\x01v"), []rdbKey{{0, "k", []byte("v"), 0}}, ""},
		{"integers", rdbFile("0010", "\x00\x01a\xc0\x7f\x00\x01b\xc1\x00\x80\x00\x01c\xc2\xff\xff\xff\x7f\x00\xc0\x05\xc0\xff"),
			[]rdbKey{{0, "a", []byte("127"), 0}, {0, "b", []byte("-32768"), 0}, {0, "c", []byte("2147483647"), 0}, {0, "5", []byte("-1"), 0}}, ""},
		{"LZF", rdbFile("0010", "\x00\x01k\xc3\x04\x06\x00a\x60\x00"), // a literal 'a', then 5 bytes from 1 back
			[]rdbKey{{0, "k", []byte("aaaaaa"), 0}}, ""},
		{"expiry in seconds", rdbFile("0010", "\xfd\x00\x5e\x0b\x5a\x00\x01k\x01v\x00\x01n\x01w"),
			[]rdbKey{{0, "k", []byte("v"), 1510694400000}, {0, "n", []byte("w"), 0}}, ""},
		{"expiry in ms, eviction hints", rdbFile("0010", "\xfc\x01\x02\x03\x04\x05\x06\x00\x00\xf8\x05\xf9\x07\x00\x01k\x01v"),
			[]rdbKey{{0, "k", []byte("v"), 0x060504030201}}, ""},
		{"select, resize, aux", rdbFile("0010", "\xfa\x01a\x01b\xfe\x02\xfb\x01\x00\x00\x01k\x01v"), []rdbKey{{2, "k", []byte("v"), 0}}, ""},
		{"checksum turned off", rdbFile("0010", "\x00\x01k\x01v", 0), []rdbKey{{0, "k", []byte("v"), 0}}, ""},

		{"not RDB", []byte("HELLO0010\xff"), nil, "not an RDB file"},
		{"short", []byte("REDIS"), nil, "not an RDB file"},
		{"version 12", rdbFile("0012", ""), nil, "version"},
		{"version abcd", rdbFile("abcd", ""), nil, "version"},
		{"no EOF", []byte("REDIS0010\x00\x01k\x01v"), nil, "ends in the middle"},
		{"cut string", []byte("REDIS0010\x00\x01k\x05v"), nil, "ends in the middle"},
		{"huge length", rdbFile("0010", "\x00\x01k\x81\xff\xff\xff\xff\xff\xff\xff\xff"), nil, "ends in the middle"},
		{"wrong checksum", rdbFile("0010", "\x00\x01k\x01v", 12345), nil, "checksum"},
		{"list", rdbFile("0010", "\x01\x01k\x01\x01v"), nil, "0x01 is not supported"},
		{"module aux", rdbFile("0010", "\xf7"), nil, "0xf7 is not supported"},
		{"bad length encoding", rdbFile("0010", "\x00\x01k\x82"), nil, "unknown length encoding"},
		{"bad string encoding", rdbFile("0010", "\x00\x01k\xc4"), nil, "unknown string encoding"},
		{"encoding as a length", rdbFile("0010", "\xfe\xc0"), nil, "where a length was expected"},
		{"bad LZF", rdbFile("0010", "\x00\x01k\xc3\x02\x06\x00a"), nil, "LZF"},
	}
	for _, tt := range tests {
		got, err := parseRDB(tt.data)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: got error %v, want one about %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, %v\nwant %q", tt.name, got, err, tt.want)
		}
	}
}

func TestLZFDecompress(t *testing.T) {
	tests := []struct {
		in   string
		n    uint64
		want string // "" for an error
	}{
		{"\x02abc", 3, "abc"},
		{"\x00a\xe0\x05\x00", 1 + 7 + 5 + 2, strings.Repeat("a", 15)}, // long back reference
		{"\x01ab\x20\x01", 5, "ababa"},
		{"\x02abc", 2, ""},       // more than announced
		{"\x02abc", 4, ""},       // less than announced
		{"\x00a\x20\x01", 4, ""}, // reference before the start
		{"\x05ab", 6, ""},        // literal run past the end
		{"\xe0", 9, ""},          // truncated reference
		{"\x00a", 1 << 40, ""},   // an absurd size
	}
	for _, tt := range tests {
		got, err := lzfDecompress([]byte(tt.in), tt.n)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%q to %d bytes: got %q, want an error", tt.in, tt.n, got)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("%q: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestRDBChecksum(t *testing.T) {
	// The check value of Redis's crc64 (src/crc64.c).
	if got := rdbCRC([]byte("123456789")); got != 0xe9c6d914c4b8d9ca {
		t.Errorf("got %x", got)
	}
}

func TestLoadRDB(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "dump.rdb")
	now := int64(1_700_000_000_000)
	records := "\xfc" + string(binary.LittleEndian.AppendUint64(nil, uint64(now-1))) + "\x00\x04past\x01v" +
		"\xfc" + string(binary.LittleEndian.AppendUint64(nil, uint64(now+5000))) + "\x00\x06future\x01v" +
		"\x00\x07forever\x01v" +
		"\xfe\x01\x00\x05other\x01v"
	if err := os.WriteFile(path, rdbFile("0010", records), 0o644); err != nil {
		t.Fatal(err)
	}
	db := newKeyspace()
	if err := loadRDB(path, db, now); err != nil {
		t.Fatal(err)
	}
	want := map[string]entry{
		"future":  {stringValue("v"), now + 5000},
		"forever": {stringValue("v"), 0},
	}
	if !reflect.DeepEqual(db.keys, want) {
		t.Errorf("loaded %v, want %v", db.keys, want)
	}
	if _, ok := db.expiring["future"]; !ok || len(db.expiring) != 1 {
		t.Errorf("keys with an expiry: %v", db.expiring)
	}

	if err := loadRDB(filepath.Join(dir, "missing.rdb"), newKeyspace(), now); err != nil {
		t.Errorf("a missing file: %v, want no error", err)
	}
	os.WriteFile(path, []byte("garbage"), 0o644)
	if err := loadRDB(path, newKeyspace(), now); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("a broken file: %v, want an error naming it", err)
	}
}

// An empty value is a value: GET answers $0, not $-1.
func TestLoadEmptyValue(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dump.rdb")
	os.WriteFile(path, rdbFile("0010", "\x00\x05empty\x00"), 0o644)
	c := newClient(testServer(), nil)
	if err := loadRDB(path, c.s.db, 0); err != nil {
		t.Fatal(err)
	}
	if got := do(c, "GET", "empty"); got != "$0\r\n\r\n" {
		t.Errorf("GET empty: %q", got)
	}
}

func TestRDBStringsAreCopies(t *testing.T) {
	data := rdbFile("0010", "\x00\x01k\x01v")
	keys, _ := parseRDB(data)
	copy(data, bytes.Repeat([]byte{0}, len(data)))
	if string(keys[0].value) != "v" {
		t.Error("a value shares the file's memory")
	}
}
