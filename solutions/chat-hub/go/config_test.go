package main

import "testing"

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  string // PORT
		port int
		bad  bool
	}{
		{"default", nil, "", defaultPort, false},
		{"--port N", []string{"--port", "4000"}, "", 4000, false},
		{"--port=N", []string{"--port=4001"}, "", 4001, false},
		{"any position, unknown options skipped", []string{"--idle-timeout", "2", "--port", "4002", "--verbose"}, "", 4002, false},
		{"PORT", nil, "4003", 4003, false},
		{"--port wins over PORT", []string{"--port", "4004"}, "4005", 4004, false},
		{"not a number", []string{"--port", "http"}, "", 0, true},
		{"out of range", []string{"--port", "70000"}, "", 0, true},
		{"no value", []string{"--port"}, "", 0, true},
		{"bad PORT", nil, "x", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseArgs(tt.args, func(string) string { return tt.env })
			if tt.bad {
				if err == nil {
					t.Fatalf("port %d, want an error", cfg.port)
				}
				return
			}
			if err != nil || cfg.port != tt.port {
				t.Fatalf("port %d, error %v; want port %d", cfg.port, err, tt.port)
			}
		})
	}
}
