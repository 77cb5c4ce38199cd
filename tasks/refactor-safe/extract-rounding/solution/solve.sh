#!/bin/bash
# Reference solution: money.to_cents() and invoice.py using it everywhere.
S="${HZ_SOLUTION:-$(dirname "$0")}"
cp "$S/money.py" "$S/invoice.py" .
