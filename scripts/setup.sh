#!/usr/bin/env bash
# Install every package horizon needs to build, test and run, from Debian's archive.
# Safe to run again; waits for the dpkg lock instead of failing when another apt is busy.
set -euo pipefail

pkgs=(
  build-essential cmake pkg-config clang git ca-certificates
  libcurl4-openssl-dev libjansson-dev libgit2-dev libyaml-dev libssl-dev
  bubblewrap gnuplot-nox python3 valgrind
  python3-yaml time
)
if [ "${HORIZON_SETUP_EXTRA:-1}" = 1 ]; then
  # Tools used by tests of the catalogue, reports and the batch-system issue.
  pkgs+=(chromium fonts-dejavu-core libxml2-utils tmux)
  pkgs+=(slurmctld slurmd slurm-client munge procps)
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#pkgs[@]} packages already installed"
  exit 0
fi
echo "setup: installing ${missing[*]}"
$SUDO apt-get "${apt_opts[@]}" update -qq
$SUDO apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
