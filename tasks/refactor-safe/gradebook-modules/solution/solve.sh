#!/bin/bash
# Reference solution: the gradebook package (errors, parsing, grading, report) and a thin grades.py.
S="${HZ_SOLUTION:-$(dirname "$0")}/files"
mkdir -p gradebook
cp "$S"/gradebook/*.py gradebook/
cp "$S/grades.py" grades.py
