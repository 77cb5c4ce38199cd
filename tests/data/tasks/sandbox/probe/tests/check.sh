#!/bin/bash
# Pass when the probe ran (attempted) and its attack failed (no escaped marker).
[ -e attempted ] && [ ! -e escaped ]
