#!/bin/bash
# Reference solution: get() refreshes recency, put() updates in place and evicts the tail,
# delete() of a missing key returns False, _unlink() maintains the tail pointer.
cp "${HZ_SOLUTION:-$(dirname "$0")}/lrucache.py" lrucache.py
