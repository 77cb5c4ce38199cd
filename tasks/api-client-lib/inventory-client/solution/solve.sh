#!/bin/bash
# Reference solution: one _request() with URL/headers/body building, retries with Retry-After/backoff and error mapping.
cp "${HZ_SOLUTION:-$(dirname "$0")}/inventory_client.py" inventory_client.py
