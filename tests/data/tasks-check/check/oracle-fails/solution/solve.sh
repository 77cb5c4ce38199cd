#!/bin/bash
# A wrong fix: the scorer must reject it.
sed -i "s/\$1 - \$2/\$1 * \$2/" add.sh
