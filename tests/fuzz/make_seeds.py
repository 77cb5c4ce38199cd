#!/usr/bin/env python3
"""Write the seed corpora tests/fuzz/corpus/<harness>/seed-* from the project's own test data.

usage: tests/fuzz/make_seeds.py      (run from anywhere; rewrites only seed-* files)

Seeds come from tests/data (METR's runs and YAML, task.json files, agents files, fit.json) and from the
LLM mock server's own reply renderer (tests/mock/llm_mock.py), so the fuzzers start from real formats.
Crash reproducers (crash-*) and hostile cases (hostile-*) are committed by hand beside them and kept.
"""
import glob
import json
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
corpus = os.path.join(root, "tests", "fuzz", "corpus")
sys.path.insert(0, os.path.join(root, "tests", "mock"))
import llm_mock  # noqa: E402


def put(harness, name, data):
    d = os.path.join(corpus, harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def read(rel):
    with open(os.path.join(root, rel), "rb") as f:
        return f.read()


for d in glob.glob(os.path.join(corpus, "*")):
    for f in glob.glob(os.path.join(d, "seed-*")):
        os.remove(f)

# runs.jsonl: METR's records (a few per agent) and horizon's own
metr = read("tests/data/metr/metr-2025-01/all_runs.jsonl").splitlines(keepends=True)
put("runs", "metr", b"".join(metr[:40]))
put("runs", "metr-spread", b"".join(metr[::2000]))
own = {"run_id": "r1", "alias": "sim-1", "agent": "sim", "task_id": "fam/a", "task_family": "fam",
       "task_version": "1", "human_minutes": 2.5, "status": "success", "score_binarized": 1, "score_cont": 1.0,
       "release_date": "2024-01-02", "input_tokens": 120, "output_tokens": 30, "total_tokens": 150,
       "dollar_equivalent": 0.001, "equal_task_weight": 0.5, "invsqrt_task_weight": 0.5}
fail = dict(own, run_id="r2", task_id="fam/b", human_minutes=30, status="failure", score_binarized=0, score_cont=0.0)
err = dict(own, run_id="r3", status="error", score_binarized=None)
put("runs", "horizon", "".join(json.dumps(r) + "\n" for r in (own, fail, err)))

# task.json, moved to the harness's fam/name/ (a file that is not JSON is kept as it is)
def as_fam_name(data):
    try:
        t = json.loads(data)
    except ValueError:
        return data
    if isinstance(t, dict):
        t["id"], t["family"] = "fam/name", "fam"
    return json.dumps(t, indent=2)


for i, p in enumerate(sorted(glob.glob(os.path.join(root, "tests/data/tasks*/*/*/task.json")))):
    put("task", "%02d-%s" % (i, os.path.basename(os.path.dirname(p))), as_fam_name(read(os.path.relpath(p, root))))
for p in sorted(glob.glob(os.path.join(root, "tasks/*/*/task.json")))[:6]:
    put("task", "catalog-" + os.path.basename(os.path.dirname(p)), as_fam_name(read(os.path.relpath(p, root))))

# release dates, METR's benchmark YAML, agents files, fit.json
put("release", "metr", read("tests/data/metr/metr-2025-01/release_dates.yaml"))
put("release", "flat-json", json.dumps({"gpt-4o": "2024-05-13", "claude-3-5-sonnet": "2024-06-20"}))
put("published", "mini", read("tests/data/fit/published_mini.yaml"))
put("published", "1_1", read("tests/data/metr/metr-published/benchmark_results_1_1.yaml"))
put("agents_file", "example", read("tests/data/llm/agents-example.yaml"))
put("agents_file", "json", json.dumps({"agents": [{"spec": "sim,h50=30,slope=0.8", "alias": "sim-30"},
                                                  {"backend": "openai", "model": "gpt-4o", "price_in": 2.5}]}))
put("fit_json", "fixture", read("tests/data/fit/format-fixture.json"))

# merge: two shards of one plan
plan = {"agents": [{"alias": "sim-1", "spec": "sim,h50=1"}], "tasks": [{"id": "fam/a", "version": "1"},
                                                                       {"id": "fam/b", "version": "1"}],
        "repeats": 1}
for k in (0, 1):
    sweep = dict(plan, shard={"index": k, "count": 2})
    rec = own if k == 0 else fail
    put("merge", "shard-%d" % k, "#FILE a/sweep.json\n" + json.dumps(sweep) + "\n#FILE a/runs.jsonl\n" +
        json.dumps(rec) + "\n")
put("merge", "two", "#FILE a/runs.jsonl\n" + json.dumps(own) + "\n#FILE b/runs.jsonl\n" + json.dumps(fail) +
    "\n" + json.dumps(err) + "\n")

# LLM replies and event streams, as the mock server renders them
steps = [{"tool": "bash", "command": "ls", "text": "Let me look."}, {"tool": "submit", "answer": "42"},
         {"text": "no action", "usage": [5, 1]}, {"calls": [{"tool": "bash", "command": "a"}, {"tool": "bash", "command": "b"}]},
         {"tool": "bash", "command": "x", "reasoning": "think"}, {"tool": "bash", "bad_args": True}]
for i, st in enumerate(steps):
    for b, proto in enumerate(("openai", "anthropic", "responses")):
        obj = llm_mock.render(proto, "m", st, i, True)
        put("llm_reply", "%s-%d" % (proto, i), bytes([b]) + json.dumps(obj).encode())
        if proto == "openai":
            events = llm_mock.sse_openai(obj, {"stream_options": {"include_usage": True}})
        elif proto == "anthropic":
            events = llm_mock.sse_anthropic(obj)
        else:
            events = llm_mock.sse_responses(obj)
        text = "".join(("event: %s\n" % n if n else "") + "data: %s\n\n" % d for n, d in events)
        put("llm_stream", "%s-%d" % (proto, i), bytes([b, 7 * i + 3]) + text.encode())
print("seeds written under", corpus)
