package main

import (
	"strconv"
	"testing"
)

// The ring buffer against a plain slice, through growth and wrap-around.
func TestListValue(t *testing.T) {
	l := &listValue{}
	var model []string
	check := func(step string) {
		t.Helper()
		if l.len() != len(model) {
			t.Fatalf("%s: len %d, want %d", step, l.len(), len(model))
		}
		for i, want := range model {
			if got := string(l.at(i)); got != want {
				t.Fatalf("%s: at(%d) = %q, want %q", step, i, got, want)
			}
		}
	}
	for i := 0; i < 100; i++ {
		v := strconv.Itoa(i)
		switch i % 3 {
		case 0:
			l.pushBack([]byte(v))
			model = append(model, v)
		case 1:
			l.pushFront([]byte(v))
			model = append([]string{v}, model...)
		case 2:
			if got := string(l.popFront()); got != model[0] {
				t.Fatalf("popFront = %q, want %q", got, model[0])
			}
			model = model[1:]
		}
		check("step " + v)
	}
	for len(model) > 0 {
		l.popFront()
		model = model[1:]
	}
	check("emptied")
}
