#!/usr/bin/env bash
# horizon fit on bad input: each error names the file, line and field, and the exit status is non-zero.
. "$(dirname "$0")/lib.sh"
good='{"run_id":"r1","alias":"A","task_id":"t1","task_family":"f1","human_minutes":4,"score_binarized":1,"release_date":"2024-01-01"}'
good2='{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":60,"score_binarized":0,"release_date":"2024-01-01"}'

# bad_line NAME LINE2 PATTERN: a file whose second line is LINE2 must fail with PATTERN
bad_line() {
	printf '%s\n%s\n' "$good" "$2" >"$TMP/$1.jsonl"
	expect_fail "$1: exit 1" 1 "$HORIZON" fit --bootstrap 0 "$TMP/$1.jsonl"
	expect_grep "$1: message" "^horizon fit: .*$1\.jsonl:2: $3" "$TMP/err"
}
bad_line malformed '{"run_id":"r2","alias":' 'malformed JSON'
bad_line notobject '[1,2]' 'a run record must be a JSON object'
bad_line nominutes '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","score_binarized":0}' "'human_minutes' is missing"
bad_line zerominutes '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":0,"score_binarized":0}' "'human_minutes' must be a positive number"
bad_line strminutes '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":"5","score_binarized":0}' "'human_minutes' must be a positive number"
bad_line noscore '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":5}' "'score_binarized' is missing"
bad_line badscore '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":5,"score_binarized":0.5}' "'score_binarized' must be 0 or 1"
bad_line badalias '{"run_id":"r2","alias":7,"task_id":"t2","task_family":"f1","human_minutes":5,"score_binarized":0}' "'alias' must be a non-empty string"
bad_line norunid '{"alias":"A","task_id":"t2","task_family":"f1","human_minutes":5,"score_binarized":0}' "'run_id' is missing"
bad_line badstatus '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":5,"score_binarized":0,"status":"done"}' "'status' must be"
bad_line twofamilies '{"run_id":"r2","alias":"A","task_id":"t1","task_family":"f2","human_minutes":4,"score_binarized":0}' "'task_family' 'f2' differs"
bad_line baddate '{"run_id":"r2","alias":"A","task_id":"t2","task_family":"f1","human_minutes":5,"score_binarized":0,"release_date":"May 2024"}' "'release_date' must be a date"

# an empty file
: >"$TMP/empty.jsonl"
expect_fail "empty file: exit 1" 1 "$HORIZON" fit --bootstrap 0 "$TMP/empty.jsonl"
expect_grep "empty file: message" 'empty\.jsonl: no run records' "$TMP/err"

# a missing file
expect_fail "missing file: exit 1" 1 "$HORIZON" fit --bootstrap 0 "$TMP/nope.jsonl"
expect_grep "missing file: message" 'nope\.jsonl: no such file' "$TMP/err"

# an agent with no release date when a trend is asked for
printf '%s\n%s\n' "$good" '{"run_id":"r3","alias":"B","task_id":"t2","task_family":"f1","human_minutes":60,"score_binarized":1}' >"$TMP/nodate.jsonl"
expect_fail "no release date: exit 1" 1 "$HORIZON" fit --bootstrap 0 "$TMP/nodate.jsonl"
expect_grep "no release date: message" "nodate\.jsonl:2: 'release_date': agent 'B' has no release date" "$TMP/err"
expect_ok "no release date is fine with --no-trend" "$HORIZON" fit --bootstrap 0 --no-trend "$TMP/nodate.jsonl"

# a bad release-dates file
printf 'date:\n  A: 2024-01-01\n  B: soon\n' >"$TMP/dates.yaml"
printf '%s\n%s\n' "$good" "$good2" >"$TMP/ok.jsonl"
expect_fail "bad release date: exit 1" 1 "$HORIZON" fit --bootstrap 0 --release-dates "$TMP/dates.yaml" "$TMP/ok.jsonl"
expect_grep "bad release date: message" "dates\.yaml:3: 'B' must be a date YYYY-MM-DD" "$TMP/err"
printf 'date: [1, 2\n' >"$TMP/broken.yaml"
expect_fail "malformed YAML: exit 1" 1 "$HORIZON" fit --bootstrap 0 --release-dates "$TMP/broken.yaml" "$TMP/ok.jsonl"
expect_grep "malformed YAML: message" 'broken\.yaml:[0-9]+: malformed YAML' "$TMP/err"

# a published file with a model lacking its release date
printf 'results:\n  m1:\n    metrics:\n      is_sota: true\n      p50_horizon_length: {estimate: 3}\n      p80_horizon_length: {estimate: 1}\n' >"$TMP/pub.yaml"
expect_fail "published without release_date: exit 1" 1 "$HORIZON" fit --published "$TMP/pub.yaml"
expect_grep "published without release_date: message" "pub\.yaml:[0-9]+: model 'm1': 'release_date'" "$TMP/err"

# usage errors exit 2
expect_fail "no input: exit 2" 2 "$HORIZON" fit
expect_fail "bad --weighting: exit 2" 2 "$HORIZON" fit --weighting heavy "$TMP/ok.jsonl"
expect_grep "bad --weighting: message" "horizon fit: --weighting 'heavy'" "$TMP/err"
expect_fail "bad --success: exit 2" 2 "$HORIZON" fit --success 50,150 "$TMP/ok.jsonl"
expect_fail "bad --method: exit 2" 2 "$HORIZON" fit --method ols "$TMP/ok.jsonl"
expect_fail "bad --after: exit 2" 2 "$HORIZON" fit --after yesterday "$TMP/ok.jsonl"
expect_fail "--published with runs: exit 2" 2 "$HORIZON" fit --published "$TMP/pub.yaml" "$TMP/ok.jsonl"
expect_fail "unknown option: exit 2" 2 "$HORIZON" fit --frobnicate "$TMP/ok.jsonl"

# --help
expect_ok "--help" "$HORIZON" fit --help
expect_grep "--help starts with usage" '^usage: horizon fit' "$TMP/out"
expect_grep "--help shows defaults" 'default: 1000' "$TMP/out"
finish
