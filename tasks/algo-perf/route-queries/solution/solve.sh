#!/bin/bash
# Reference solution: CSR adjacency + binary-heap Dijkstra on (distance, hops), early exit at T.
cp "${HZ_SOLUTION:-$(dirname "$0")}/routes.c" routes.c
