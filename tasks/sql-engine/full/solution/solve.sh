#!/bin/bash
# Reference solution: a Python 3 SQL engine (lexer, recursive-descent parser, evaluator with SQLite's
# NULL and ordering rules, hash-map indexes, JSON database file replaced atomically), installed as ./minisql.
set -e
cp "$(dirname "$0")/minisql.py" minisql
chmod +x minisql
