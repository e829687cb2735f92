package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// config is the server's configuration, from the command line.
type config struct {
	port int
	// dir is the directory of the RDB file, as an absolute path without symbolic links: what
	// Redis reports, since it changes into the directory and asks the system where it is.
	dir string
	// dbfilename is the RDB file's name in dir.
	dbfilename string
}

// Redis's defaults.
const (
	defaultPort       = 6379
	defaultDBFilename = "dump.rdb"
)

// parseArgs reads --port N, --dir DIR and --dbfilename NAME (or --port=N ...) in any order.
// Every other argument is skipped on purpose: a server must not refuse to start because of an
// option it does not know yet. Without --port, the PORT environment variable is used, if set.
// The directory is not checked here: see resolveDir.
func parseArgs(args []string, getenv func(string) string) (config, error) {
	cfg := config{port: defaultPort, dir: ".", dbfilename: defaultDBFilename}
	portSet := false
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(args[i], "=")
		switch name {
		case "--port", "--dir", "--dbfilename":
		default:
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return config{}, fmt.Errorf("%s needs a value", name)
			}
			i++
			value = args[i]
		}
		switch name {
		case "--port":
			port, err := parsePort(value)
			if err != nil {
				return config{}, err
			}
			cfg.port, portSet = port, true
		case "--dir":
			cfg.dir = value
		case "--dbfilename":
			// Redis refuses a path here too: the file is always in dir.
			if strings.ContainsRune(value, '/') {
				return config{}, errors.New("dbfilename can't be a path, just a filename")
			}
			cfg.dbfilename = value
		}
	}
	if env := getenv("PORT"); env != "" && !portSet {
		port, err := parsePort(env)
		if err != nil {
			return config{}, fmt.Errorf("PORT: %w", err)
		}
		cfg.port = port
	}
	return cfg, nil
}

func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 65535 {
		return 0, fmt.Errorf("--port %q is not a TCP port", s)
	}
	return n, nil
}

// resolveDir makes dir absolute and resolves its symbolic links, as Redis's chdir then getcwd
// do, and fails when it is not a directory, as Redis does.
func resolveDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err == nil {
		var info os.FileInfo
		if info, err = os.Stat(abs); err == nil && !info.IsDir() {
			err = errors.New("not a directory")
		}
	}
	if err != nil {
		return "", fmt.Errorf("can't chdir to '%s': %w", dir, err)
	}
	return abs, nil
}

// params lists the parameters CONFIG GET knows, by name.
func (cfg config) params() [][2]string {
	return [][2]string{
		{"dbfilename", cfg.dbfilename},
		{"dir", cfg.dir},
		{"port", strconv.Itoa(cfg.port)},
	}
}

// configGet answers CONFIG GET parameter [parameter ...] with a flat array of name/value pairs:
// *2\r\n$3\r\ndir\r\n$4\r\n/tmp\r\n. Unknown names are left out, so CONFIG GET nope answers *0.
// https://redis.io/docs/latest/commands/config-get/
//
// As in Redis, names ignore case and an exact name is answered as the client spelled it
// (CONFIG GET DIR answers "DIR"); a name with glob characters (*, ?, [) is a pattern matched
// against all parameters, and each parameter is listed once. Redis has some 200 parameters,
// this server three: dir, dbfilename, and port. Pairs come in the order asked; Redis lists them
// in the order of its internal hash table.
func configGet(ctx *cmdContext, args [][]byte) reply {
	params := ctx.s.config.params()
	answered := map[string]bool{} // by lower-case name
	pairs := array{}              // empty, not null, when nothing matches: *0
	for _, pattern := range args[2:] {
		if !strings.ContainsAny(string(pattern), "*?[") {
			name := asciiLower(pattern)
			for _, p := range params {
				if p[0] == name && !answered[name] {
					answered[name] = true
					pairs = append(pairs, bulkString(pattern), bulkString(p[1]))
				}
			}
			continue
		}
		for _, p := range params {
			if !answered[p[0]] && stringMatch(pattern, []byte(p[0]), true) {
				answered[p[0]] = true
				pairs = append(pairs, bulkString(p[0]), bulkString(p[1]))
			}
		}
	}
	return pairs
}
