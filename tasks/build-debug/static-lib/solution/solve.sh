#!/bin/bash
# Reference solution: -Iinclude, archive every prerequisite ($^), libraries after the objects.
set -e
sed -i 's/^CFLAGS ?= -O2 -Wall -Wextra$/CFLAGS ?= -O2 -Wall -Wextra\nCPPFLAGS = -Iinclude/' Makefile
sed -i 's/\t$(CC) $(CFLAGS) -c -o $@ $</\t$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $</' Makefile
sed -i 's/\tar rcs $@ $</\tar rcs $@ $^/' Makefile
sed -i 's/\t$(CC) $(CFLAGS) -o $@ -L. -lutil $(LDLIBS) src\/main.o/\t$(CC) $(CFLAGS) -o $@ src\/main.o -L. -lutil $(LDLIBS)/' Makefile
