#!/bin/bash
# Reference solution: a Python 3 server on raw sockets, one thread per connection, installed as ./server.
set -e
cp "$(dirname "$0")/server.py" server
chmod +x server
