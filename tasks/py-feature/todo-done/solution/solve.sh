#!/bin/bash
# Reference solution: find() helper, cmd_done and cmd_rm wired into argparse.
cp "${HZ_SOLUTION:-$(dirname "$0")}/todo.py" todo.py
