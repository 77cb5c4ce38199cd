#!/bin/bash
# Reference solution: run in the workspace.
sed -i "s/\$1 - \$2/\$1 + \$2/" add.sh
