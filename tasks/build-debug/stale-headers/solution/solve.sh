#!/bin/bash
# Reference solution: distinct include guards for queue.h; build/ created by an order-only prerequisite;
# automatic header dependencies with -MMD -MP; objects depend on the generated version.h.
set -e
sed -i 's/^#ifndef UTIL_H$/#ifndef QUEUE_H/; s/^#define UTIL_H$/#define QUEUE_H/' include/queue.h
sed -i 's/^#ifndef UTIL_H$/#ifndef LIST_H/; s/^#define UTIL_H$/#define LIST_H/' include/list.h
cat > Makefile <<'MK'
# jobq: src/*.c compiled into objects in build/, linked into ./jobq.
# include/version.h is generated from the VERSION file.
CC ?= cc
CFLAGS ?= -O2 -Wall -Wextra
CPPFLAGS = -Iinclude -MMD -MP
OBJS = build/main.o build/list.o build/queue.o

all: jobq

jobq: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $(OBJS)

# every object may include the generated header; build/ must exist first
build/%.o: src/%.c include/version.h | build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build:
	mkdir -p build

include/version.h: VERSION
	printf '#define JOBQ_VERSION "%s"\n' "$$(cat VERSION)" > $@

clean:
	rm -rf build jobq include/version.h

-include $(OBJS:.o=.d)

.PHONY: all clean
MK
