# horizon view through real HTTP (curl and raw sockets): the page and its data from a real
# sweep, hostile requests (methods, traversal, encodings, oversized headers, bad Host, idle
# clients), the static export, and the command's errors.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/view_lib.sh"
VIEW_PID=
trap 'kill $MOCK 2>/dev/null; [ -n "$VIEW_PID" ] && kill $VIEW_PID 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
start_view "$VIEW_SWEEP"
HP=${URL#http://}; HP=${HP%/}; PORT_V=${HP#*:}
get() { curl -s --path-as-is -o "$TMP/body" -D "$TMP/hdr" -w '%{http_code}' "$@"; }
code_is() { # DESC WANT ARGS...
	local desc=$1 want=$2; shift 2
	local got; got=$(get "$@")
	[ "$got" = "$want" ] && ok "$desc ($got)" || bad "$desc: $got, wanted $want"
}
jq_ok() { # DESC PYEXPR over d = the JSON body
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert eval(sys.argv[2])' "$TMP/body" "$2" 2>"$TMP/py"; then ok "$1"
	else bad "$1: $2"; tail -2 "$TMP/py"; fi
}

# The page.
code_is "GET / serves the page" 200 "$URL"
expect_grep "the page is HTML" '^Content-Type: text/html' "$TMP/hdr"
expect_grep "a strict CSP on every answer" "^Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'" "$TMP/hdr"
expect_grep "nosniff" '^X-Content-Type-Options: nosniff' "$TMP/hdr"
expect_grep "the served page knows it has a server" 'data-mode="server"' "$TMP/body"
cp "$TMP/body" "$TMP/index.html"
code_is "GET /app.js" 200 "${URL}app.js"
expect_grep "javascript type" '^Content-Type: text/javascript' "$TMP/hdr"
cp "$TMP/body" "$TMP/app.js"
code_is "GET /app.css" 200 "${URL}app.css"
cp "$TMP/body" "$TMP/app.css"
if grep -hoE '(https?:)?//[a-z0-9.-]+\.[a-z]{2,}' "$TMP/index.html" "$TMP/app.js" "$TMP/app.css" | grep -v '^http://www.w3.org$' | grep -q .; then
	bad "the page names no outside resource"; else ok "the page names no outside resource"; fi
if grep -qE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function' "$TMP/app.js"; then
	bad "app.js never parses data as HTML or code"; else ok "app.js never parses data as HTML or code"; fi

# The data.
code_is "GET /api/sweeps" 200 "${URL}api/sweeps"
expect_grep "JSON type" '^Content-Type: application/json' "$TMP/hdr"
jq_ok "one sweep of 61 runs, 4 agents, 11 tasks" 'd["sweeps"][0]["runs"]==61 and len(d["sweeps"][0]["agents"])==4 and d["sweeps"][0]["tasks"]==11'
code_is "GET /api/s/0/runs" 200 "${URL}api/s/0/runs"
jq_ok "61 run rows with their fields" 'len(d["rows"])==61 and "exit_reason" in d["fields"] and "tags" in d["fields"]'
jq_ok "tags come from the catalogue" 'any(r[d["fields"].index("tags")] for r in d["rows"])'
code_is "GET /api/s/0/fit" 200 "${URL}api/s/0/fit"
jq_ok "the fit has the 4 agents with horizons and a 50% trend" 'len(d["agents"])==4 and "50" in d["trend"] and d["agents"][0]["horizons"]["50"]["ci_low"] is not None'
code_is "GET a run" 200 "${URL}api/s/0/run/$EVIL_RUN"
jq_ok "the run: a failure with a 3-turn transcript" 'd["record"]["status"]=="failure" and d["transcript"]["count"]>=6 and d["transcript"]["pages"]==1'
jq_ok "its patch is the diff, HTML kept as text" '"+<script>window.HZ_PWNED=4</script>" in d["patch"]["text"] and not d["patch"]["truncated"]'
jq_ok "its scorer log is there" 'd["scorer_log"] is not None and "bytes" in d["scorer_log"]'
jq_ok "links to the runs of the same task" 'isinstance(d["others"], list)'
code_is "GET a transcript page" 200 "${URL}api/s/0/tr/$EVIL_RUN/0"
jq_ok "the transcript events, model text verbatim" 'any("<script>window.HZ_PWNED=1</script>" in (e.get("text") or "") for e in d["events"]) and d["events"][0]["n"]==0'
sim_run=$(python3 -c 'import json,sys; print([r for r in map(json.loads, open(sys.argv[1])) if r["alias"]=="sim-2024"][0]["run_id"])' "$VIEW_SWEEP/runs.jsonl")
code_is "GET a sim run" 200 "${URL}api/s/0/run/$sim_run"
jq_ok "a run without a transcript says so" 'd["transcript"] is None and d["agent_log"] is not None'
code_is "HEAD /api/sweeps" 200 -I "${URL}api/sweeps"
expect_grep "HEAD gives the length" '^Content-Length: [1-9]' "$TMP/hdr"

# Hostile and malformed requests.
code_is "POST is refused" 405 -X POST -d x "${URL}api/sweeps"
expect_grep "405 says what is allowed" '^Allow: GET, HEAD' "$TMP/hdr"
code_is "DELETE is refused" 405 -X DELETE "${URL}"
code_is "an unknown file" 404 "${URL}etc/passwd"
code_is "../ traversal" 400 "${URL}../../../../etc/passwd"
code_is "encoded ../ traversal" 400 "${URL}%2e%2e/%2e%2e/etc/passwd"
code_is "traversal inside a run id" 400 "${URL}api/s/0/run/../../../../etc/passwd"
code_is "an encoded slash in a run id" 400 "${URL}api/s/0/run/..%2f..%2fetc%2fpasswd"
code_is "an encoded NUL" 400 "${URL}api/s/0/run/${EVIL_RUN}%00"
code_is "a bad escape" 400 "${URL}api/%zz"
code_is "a backslash" 400 "${URL}api%5c..%5csweeps"
code_is "a double slash" 400 "${URL}api//sweeps"
code_is "an unknown run" 404 "${URL}api/s/0/run/0123456789abcdef"
code_is "an unknown sweep" 404 "${URL}api/s/7/runs"
code_is "a sweep number with a leading zero" 404 "${URL}api/s/00/runs"
code_is "a negative page" 404 "${URL}api/s/0/tr/$EVIL_RUN/-1"
code_is "a page past the end" 404 "${URL}api/s/0/tr/$EVIL_RUN/1"
code_is "a transcript of a run that has none" 404 "${URL}api/s/0/tr/$sim_run/0"
code_is "a query string is ignored" 200 "${URL}api/sweeps?x=<script>"
code_is "another Host (DNS rebinding)" 421 -H "Host: evil.example:$PORT_V" "${URL}api/sweeps"
code_is "localhost is fine" 200 -H "Host: localhost:$PORT_V" "${URL}api/sweeps"
head -c 20000 /dev/zero | tr '\0' a >"$TMP/big"
code_is "a 20 KB header" 431 -H "X-Big: $(cat "$TMP/big")" "${URL}"
raw() { # REQUEST-BYTES: the status line of the answer to a raw request
	python3 - "$PORT_V" "$1" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.sendall(sys.argv[2].encode().decode("unicode_escape").encode("latin-1"))
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
print(data.split(b"\r\n", 1)[0].decode("latin-1"))
PY
}
[ "$(raw 'garbage\r\n\r\n')" = "HTTP/1.1 400 Bad Request" ] && ok "a request line without a target: 400" || bad "garbage request line"
[ "$(raw "GET / HTTP/2.0\r\nHost: $HP\r\n\r\n")" = "HTTP/1.1 400 Bad Request" ] && ok "not HTTP/1.x: 400" || bad "HTTP/2.0 request line"
[ "$(raw "GET /api/sweeps HTTP/1.1\r\n\r\n")" = "HTTP/1.1 421 Misdirected Request" ] && ok "no Host header: 421" || bad "no Host header"
[ "$(raw "GET / HTTP/1.1\r\nHost: $HP\r\nX: a\x00b\r\n\r\n")" = "HTTP/1.1 400 Bad Request" ] && ok "a NUL byte in the headers: 400" || bad "NUL in headers"
[ "$(raw "GET http://evil/ HTTP/1.1\r\nHost: $HP\r\n\r\n")" = "HTTP/1.1 400 Bad Request" ] && ok "an absolute-form target: 400" || bad "absolute target"
# An idle client (sends nothing) and a slow one hold only their own connection.
exec 5<>"/dev/tcp/127.0.0.1/$PORT_V"
exec 6<>"/dev/tcp/127.0.0.1/$PORT_V"; printf 'GET / HT' >&6
code_is "answers while two clients stall" 200 "${URL}api/sweeps"
exec 5>&- 6>&-
n=0; for i in $(seq 40); do [ "$(get "${URL}api/s/0/runs")" = 200 ] && n=$((n + 1)); done &
wait $!
for i in $(seq 20); do curl -s -o /dev/null "${URL}api/s/0/run/$EVIL_RUN" & done; wait_list=$(jobs -p | grep -v "^$VIEW_PID$" | grep -v "^$MOCK$"); for p in $wait_list; do wait "$p"; done
code_is "still serving after 20 parallel requests" 200 "${URL}api/sweeps"
stop_view; rc=$?
[ "$rc" = 0 ] && ok "SIGINT stops the server, exit 0" || bad "exit $rc after SIGINT"
VIEW_PID=

# The static export.
expect_ok "--export" "$HORIZON" view --export "$TMP/site" --bootstrap 50 "$VIEW_SWEEP"
expect_grep "export says what it wrote" 'wrote [0-9]+ files to' "$TMP/out"
expect_grep "the exported page is static" 'data-mode="static"' "$TMP/site/index.html"
for f in app.js app.css data/sweeps.js data/s/0/runs.js data/s/0/fit.js "data/s/0/run/$EVIL_RUN.js" "data/s/0/tr/$EVIL_RUN/0.js"; do
	[ -s "$TMP/site/$f" ] && ok "exported $f" || bad "exported $f missing"
done
n=$(ls "$TMP/site/data/s/0/run" | wc -l)
[ "$n" = 61 ] && ok "one data file per run (61)" || bad "run files: $n"
expect_grep "a data file is one HZ.put call" '^HZ\.put\("s/0/runs", \{' "$TMP/site/data/s/0/runs.js"
if cmp -s "$TMP/app.js" "$TMP/site/app.js"; then ok "the export's app.js is the served one"; else bad "export app.js differs"; fi

# The html report of the same sweep: its histogram shows the tasks swept, not the catalogue.
expect_ok "html report of the sweep" "$HORIZON" report -f html --out "$TMP/rep" --charts hist "$VIEW_SWEEP"
expect_grep "the histogram is of the 11 tasks swept" 'Human time of the 11 tasks swept' "$TMP/rep/tasks-hist.gp"
expect_grep "report lists the chart files it wrote" 'wrote .*/tasks-hist.svg' "$TMP/out"

# Errors.
expect_fail "no directory: usage" 2 "$HORIZON" view
expect_fail "a missing directory" 1 "$HORIZON" view "$TMP/nope"
expect_grep "names the directory" "nope' is not a directory" "$TMP/err"
mkdir -p "$TMP/empty"
expect_fail "a directory without runs.jsonl" 1 "$HORIZON" view "$TMP/empty"
expect_grep "says what is missing" 'has no runs.jsonl' "$TMP/err"
expect_fail "a bad port" 2 "$HORIZON" view --port 70000 "$VIEW_SWEEP"
expect_fail "a bad host" 1 "$HORIZON" view --host nowhere --bootstrap 0 "$VIEW_SWEEP"
expect_ok "--help" "$HORIZON" view --help
expect_grep "help has examples" 'horizon view --export' "$TMP/out"
finish
