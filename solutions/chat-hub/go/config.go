package main

import (
	"fmt"
	"strconv"
	"strings"
)

// config is the server's configuration, from the command line.
type config struct {
	port int
}

// defaultPort: Budget Chat has no official port; 7777 is the track's.
const defaultPort = 7777

// parseArgs reads --port N (or --port=N) in any position. Every other argument is skipped on
// purpose: later stages pass options this version does not know yet (--idle-timeout 2), and a
// server must not refuse to start because of them. Without --port, the PORT environment variable
// is used, if set.
func parseArgs(args []string, getenv func(string) string) (config, error) {
	cfg := config{port: defaultPort}
	portSet := false
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(args[i], "=")
		if name != "--port" {
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return config{}, fmt.Errorf("%s needs a value", name)
			}
			i++
			value = args[i]
		}
		port, err := parsePort(value)
		if err != nil {
			return config{}, err
		}
		cfg.port, portSet = port, true
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

// parsePort accepts 0 to 65535; 0 asks the system for any free port.
func parsePort(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 65535 {
		return 0, fmt.Errorf("--port %q is not a TCP port", s)
	}
	return n, nil
}
