#!/bin/bash
# Reference solution: list options (filters, sort, reverse, pagination with footer).
cp "${HZ_SOLUTION:-$(dirname "$0")}/todo.py" todo.py
