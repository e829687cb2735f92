package main

import (
	"fmt"
	"net"
	"os"
	"strings"
)

func main() {
	// Print freely while debugging: byo shows your program's output prefixed with [your_program].
	fmt.Println("Logs from your program will appear here!")

	// Stage 1: uncomment the block below (remove the "// " in front of each line between the markers).
	// BYO-STAGE-1 BEGIN
	// l, err := net.Listen("tcp", listenAddress())
	// if err != nil {
	// 	fmt.Println("Failed to listen:", err)
	// 	os.Exit(1)
	// }
	// serve(l)
	// BYO-STAGE-1 END

	// Reached only while the block above is commented out (serve never returns): delete it once you listen.
	fmt.Println("byo: nothing is listening yet. To pass stage 1, uncomment the BYO-STAGE-1 block in app/main.go (it listens on port 7777).")
}

// serve accepts connections forever and handles each one in its own goroutine.
func serve(l net.Listener) {
	for {
		conn, err := l.Accept()
		if err != nil {
			fmt.Println("Failed to accept a connection:", err)
			os.Exit(1)
		}
		go handleConnection(conn)
	}
}

// handleConnection talks to one client. Stage 1 only needs the connection accepted;
// from stage 2 on, send the welcome line, then read the client's lines from conn and write to it here.
func handleConnection(conn net.Conn) {
	defer conn.Close()
}

// listenAddress is ":7777" (all interfaces), or ":N" when started with --port N
// (anywhere in the arguments) or with the PORT environment variable set.
func listenAddress() string {
	port := "7777"
	if p := os.Getenv("PORT"); p != "" {
		port = p
	}
	args := os.Args[1:]
	for i, arg := range args {
		if arg == "--port" && i+1 < len(args) {
			port = args[i+1]
		} else if strings.HasPrefix(arg, "--port=") {
			port = strings.TrimPrefix(arg, "--port=")
		}
	}
	return net.JoinHostPort("", port)
}
