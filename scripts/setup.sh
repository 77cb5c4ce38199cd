#!/usr/bin/env bash
# Install the Debian packages horizon needs, from Debian's archive.
#
# usage: scripts/setup.sh [--demo | --test] [--list]
#   --demo   what building horizon and running the main job (scripts/demo.sh) use: the compilers and
#            libraries, bubblewrap, gnuplot and its font, and the tools the catalogue's tasks require
#   --test   all of --demo plus what only the tests use: clang (the clang and sanitizer builds),
#            xmllint, Chromium (the report's rendering test), Slurm and munge (the batch tests)
#   (none)   the same as --test: everything
#   --list   print the profile's packages, one a line, and install nothing
# Safe to run again; waits for the dpkg lock instead of failing when another apt is busy.
set -euo pipefail

profile=test
list=0
for arg in "$@"; do
  case "$arg" in
    --demo) profile=demo ;;
    --test) profile=test ;;
    --list) list=1 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option '$arg' (--demo, --test or --list)" >&2; exit 2 ;;
  esac
done

# Building horizon, running it (sandbox, charts), and the tools tasks `require` (gcc, make, cmake,
# git, python3, valgrind).
pkgs=(
  build-essential cmake pkg-config git ca-certificates
  libcurl4-openssl-dev libjansson-dev libgit2-dev libyaml-dev libssl-dev
  bubblewrap gnuplot-nox fonts-dejavu-core python3 valgrind
)
if [ $profile = test ]; then
  # Only the tests use these: the clang and sanitizer builds, report and SVG checks, the
  # Chromium rendering test, tmux (the baseline tests' terminal), the Slurm batch tests, and
  # the benchmarks' /usr/bin/time.
  pkgs+=(clang python3-yaml time libxml2-utils chromium tmux)
  pkgs+=(slurmctld slurmd slurm-client munge procps)
fi

if [ $list = 1 ]; then
  printf '%s\n' "${pkgs[@]}"
  exit 0
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
  echo "setup: all ${#pkgs[@]} packages of --$profile already installed"
  exit 0
fi
echo "setup (--$profile): installing ${missing[*]}"
$SUDO apt-get "${apt_opts[@]}" update -qq
$SUDO apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}"
