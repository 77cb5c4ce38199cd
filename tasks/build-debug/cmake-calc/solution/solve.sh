#!/bin/bash
# Reference solution: CALC_VERSION set before add_subdirectory(lib); lexer.c and the generated table in the
# library; public include dir, private src/ and binary dirs; libm; library installed; target_link_libraries
# after add_executable; the test runs the right executable.
S="${HZ_SOLUTION:-$(dirname "$0")}/files"
cp "$S/CMakeLists.txt" CMakeLists.txt
cp "$S/lib/CMakeLists.txt" lib/CMakeLists.txt
cp "$S/app/CMakeLists.txt" app/CMakeLists.txt
cp "$S/tests/CMakeLists.txt" tests/CMakeLists.txt
