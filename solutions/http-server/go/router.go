package main

import (
	"sort"
	"strings"
)

// routeHandler answers a request for a route. param is the part of the path the route's pattern
// left open (the {str} of /echo/{str}), or "".
type routeHandler func(req *Request, param string) *Response

// route is one path pattern and the handlers of the methods it supports.
type route struct {
	match   func(path string) (param string, ok bool)
	methods map[string]routeHandler
}

// exact matches one path.
func exact(pattern string) func(string) (string, bool) {
	return func(path string) (string, bool) { return "", path == pattern }
}

// prefix matches the paths under a prefix, and yields the rest of the path as the parameter.
func prefix(p string) func(string) (string, bool) {
	return func(path string) (string, bool) {
		if !strings.HasPrefix(path, p) {
			return "", false
		}
		return path[len(p):], true
	}
}

// Router dispatches a request to the first route whose pattern matches its path.
type Router struct {
	routes []route
}

// Handle is the server's Handler.
func (rt *Router) Handle(req *Request) *Response {
	for _, r := range rt.routes {
		param, ok := r.match(req.Path)
		if !ok {
			continue
		}
		// HEAD is GET without the body (RFC 9110 §9.3.2). Running the GET handler guarantees
		// identical status and headers; the connection leaves the body out.
		method := req.Method
		if method == "HEAD" {
			method = "GET"
		}
		h, ok := r.methods[method]
		if !ok {
			// RFC 9110 §15.5.6: a 405 MUST list the methods the resource does support.
			resp := NewResponse(StatusMethodNotAllowed)
			resp.Header.Set("Allow", r.allow())
			return resp
		}
		return h(req, param)
	}
	return NewResponse(StatusNotFound)
}

// allow lists the route's methods for an Allow header, e.g. "GET, HEAD, POST".
func (r route) allow() string {
	var methods []string
	for m := range r.methods {
		methods = append(methods, m)
		if m == "GET" {
			methods = append(methods, "HEAD")
		}
	}
	sort.Strings(methods)
	return strings.Join(methods, ", ")
}
