#!/usr/bin/env bash
# Mechanical style rules: no banned libc calls, source files under 600 lines,
# the library never prints or exits, the areas keep to their layers
# (docs/architecture.md), and internal headers declare no hz_ function.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
status=0
banned=$(grep -nE '\b(strcpy|strcat|sprintf|vsprintf|gets|strtok|system)\s*\(' src/*/*.c src/*/*/*.c 2>/dev/null)
if [ -n "$banned" ]; then
	echo "check-style: banned calls (use bounded or argv-based forms):"; echo "$banned"; status=1
fi
for f in $(ls src/*/*.c src/*/*/*.c src/*/*.h src/*/*/*.h include/horizon/*.h 2>/dev/null); do
	n=$(wc -l <"$f")
	if [ "$n" -gt 600 ]; then echo "check-style: $f has $n lines (limit 600: split it by concern)"; status=1; fi
done
lib_io=$(grep -nE '\b(printf|puts|exit)\s*\(|\bstdout\b' src/lib/*.c src/lib/*/*.c 2>/dev/null | grep -v '^\s*//' )
if [ -n "$lib_io" ]; then
	echo "check-style: the library must not print or exit:"; echo "$lib_io"; status=1
fi

# Layering.  The areas, each with the areas it may use (itself included).
# This table is the one in docs/architecture.md: change both together.
declare -A allowed=(
	[util]="util"
	[core]="util core"
	[fit]="util core fit"
	[run]="util core run"
	[llm]="util core llm"
	[report]="util core fit report"
	[view]="util core fit view"
	[agents]="util core run llm agents"
	[scale]="util core run scale"
	[adaptive]="util core fit run adaptive"
	[cli]="util core fit run llm report view agents scale adaptive cli"
)
# The area that owns each public header.
declare -A header_area=(
	[error.h]=util
	[agent.h]=core [catalog.h]=core [task.h]=core [validate.h]=core
	[fit.h]=fit [fit_lik.h]=fit
	[run.h]=run [sandbox.h]=run
	[llm.h]=llm
	[plot.h]=report [report.h]=report
	[view.h]=view
	[agents.h]=agents
	[batch.h]=scale [merge.h]=scale
	[adaptive.h]=adaptive
)
area_of_file() { # the area a source or header file belongs to
	case $1 in
	include/horizon/*) echo "${header_area[$(basename "$1")]:-unknown}" ;;
	src/util/*) echo util ;;
	src/cli/*) echo cli ;;
	src/lib/*/*) local a=${1#src/lib/}; echo "${a%%/*}" ;;
	src/lib/*) echo core ;;
	esac
}
area_of_include() { # FILE INCLUDED: the area of a quoted #include in FILE
	local inc=$2
	case $inc in
	horizon/*) echo "${header_area[${inc#horizon/}]:-unknown}" ;;
	*/*) echo "${inc%%/*}" ;;
	*)	if [ -e "$(dirname "$1")/$inc" ]; then area_of_file "$(dirname "$1")/$inc"
		elif [ -e "src/util/$inc" ]; then echo util
		elif [ -e "src/lib/$inc" ]; then echo core
		else echo unknown; fi ;;
	esac
}
for f in include/horizon/*.h src/util/*.[ch] src/lib/*.[ch] src/lib/*/*.[ch] src/cli/*.[ch]; do
	[ -e "$f" ] || continue
	from=$(area_of_file "$f")
	if [ -z "${allowed[$from]:-}" ]; then
		echo "check-style: $f: area '$from' is not in the layering table"; status=1; continue
	fi
	while IFS=: read -r line inc; do
		to=$(area_of_include "$f" "$inc")
		case " ${allowed[$from]} " in
		*" $to "*) ;;
		*) echo "check-style: $f:$line: $from includes \"$inc\" of area '$to' (allowed: ${allowed[$from]})"
		   status=1 ;;
		esac
	done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
		 sed -E 's/^([0-9]+):[^"]*"([^"]*)".*/\1:\2/')
done

# The same over the link: a symbol a built area library needs must come from an
# area it may use (or from outside horizon).  Needs a build directory.
build=${HZ_BUILD_DIR:-$root/build}
if [ -e "$build/libhz_core.a" ] && command -v nm >/dev/null; then
	declare -A defined_in=()
	for lib in "$build"/libhz_*.a; do
		a=$(basename "$lib" .a); a=${a#libhz_}
		while read -r sym; do defined_in[$sym]=$a; done < <(nm -g --defined-only "$lib" 2>/dev/null |
			awk 'NF == 3 { print $3 }')
	done
	for lib in "$build"/libhz_*.a; do
		a=$(basename "$lib" .a); a=${a#libhz_}
		[ -n "${allowed[$a]:-}" ] || { echo "check-style: $lib: area '$a' is not in the layering table"; status=1; continue; }
		while read -r sym; do
			to=${defined_in[$sym]:-}
			[ -n "$to" ] || continue
			case " ${allowed[$a]} " in
			*" $to "*) ;;
			*) echo "check-style: libhz_$a.a uses $sym of area '$to' (allowed: ${allowed[$a]})"; status=1 ;;
			esac
		done < <(nm -g --undefined-only "$lib" 2>/dev/null | awk '$1 == "U" { print $2 }' | sort -u)
	done
fi

# Internal names (docs/architecture.md, "Names"): hz_ is the public API's.  A
# header under src/lib declares no hz_ function, type or object (it uses its
# area's or module's prefix: run_, sandbox_, llm_, fit_, rp_, mg_, ...), and,
# when a build directory exists, no area library defines a global hz_ symbol
# that include/horizon does not declare; the one exception is the backend
# objects (hz_*_backend), which only src/lib/agents/registry.c names.
internal_name_areas="core run agents llm fit report scale view adaptive"
for a in $internal_name_areas; do
	if [ "$a" = core ]; then hs="src/lib/*.h src/lib/core/*.h"; else hs="src/lib/$a/*.h"; fi
	# shellcheck disable=SC2086
	bad=$(grep -nE '^[A-Za-z_][A-Za-z0-9_ \*]*[ \*]hz_[a-z0-9_]+\(|^\}[[:space:]]*hz_[a-z0-9_]+;|^typedef[^;(]*[ \*]hz_[a-z0-9_]+;|^extern[^;(]*[ \*]hz_[a-z0-9_]+;' $hs 2>/dev/null)
	if [ -n "$bad" ]; then
		echo "check-style: internal headers declare hz_ names (hz_ is the public API's; use the area's prefix):"
		echo "$bad"; status=1
	fi
done
if [ -e "$build/libhz_core.a" ] && command -v nm >/dev/null; then
	public=" $(grep -ohE '\bhz_[a-z0-9_]+' include/horizon/*.h | sort -u | tr '\n' ' ') "
	for a in $internal_name_areas; do
		lib=$build/libhz_$a.a
		[ -e "$lib" ] || continue
		while read -r sym; do
			case "$public" in *" $sym "*) continue ;; esac
			case "$sym" in hz_*_backend) grep -qw "$sym" src/lib/agents/registry.c && continue ;; esac
			echo "check-style: libhz_$a.a defines $sym: internal, so no hz_ prefix (or declare it in include/horizon)"
			status=1
		done < <(nm -g --defined-only "$lib" 2>/dev/null | awk 'NF == 3 && $3 ~ /^hz_/ { print $3 }' | sort -u)
	done
fi

[ $status = 0 ] && echo "check-style: ok"
exit $status
