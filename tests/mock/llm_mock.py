#!/usr/bin/env python3
"""A scripted LLM API server for horizon's tests: OpenAI chat completions
(POST .../chat/completions), OpenAI Responses (POST .../responses) and
Anthropic Messages (POST .../v1/messages); GET .../props and .../models
report a 12000-token context window as llama-server and vLLM would.

usage: llm_mock.py --scripts DIR --log FILE [--key KEY] [--port N]

Prints "PORT <n>" on stdout once it listens on 127.0.0.1.  The request's
"model" picks the script: "NAME" or "NAME#TAG" plays DIR/NAME.json, with a
separate turn counter per full model string.  A script is
  {"turns": [STEP, ...], "tools_unsupported": false}
and each request consumes one STEP:
  {"tool": "bash", "command": "..."}        a tool call (text optional)
  {"tool": "submit", "answer": "..."}
  {"calls": [{"tool": ...}, ...]}           several calls in one reply
  {"text": "..."}                           text only
  {"bad_args": true}                        a bash call whose arguments are not JSON
  {"status": 429, "headers": {...}, "body": {...}}   an error reply
  {"drop": true}          close the connection without a reply
  {"stall": SECONDS}      send headers and half the body, then go silent
  {"truncate": true}      announce a longer body than is sent, then close
  {"raw": "..."}          200 with this body (e.g. malformed JSON)
  "usage": [IN, OUT], "delay": SECONDS, "repeat": N (play the step N times),
  "expect": {"tool_result": "substring"} checked on the request,
  "no_id": true (openai: tool calls without an id),
  "inject": {"PLACEHOLDER": "raw"} (the reply's JSON text has PLACEHOLDER replaced
  by raw, code points under 256 as bytes: "\\u0000", "\\ud83d", "\u00ff").
A script's "context_limit": N makes a small model: a request costs len/4
prompt tokens (reported in its usage) and one over N is refused with the
provider's context-length error.
A request with "stream": true gets the reply as server-sent events (chat
chunks with usage when stream_options.include_usage; Anthropic's events;
Responses events), with these faults:
  "stream_stall": SECONDS   half the events, then silence
  "stream_drop": true       half the events and half of one, then a reset
  "stream_bad": true        an event whose data is not JSON, mid-stream
  "stream_error": {...}     half the events, then this error event
  "event_delay": SECONDS    between events
When a request has no "tools" (JSON-in-text mode), tool steps are written as
a JSON action in the text, as a model without tool calling would.

The mock checks the auth header and the shape of every request for its
protocol; problems are logged (and the request refused with 400).  Each
request is logged as one JSON line (never the key itself).
"""
import argparse
import json
import os
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
COUNTERS = {}
ARGS = None


def load_script(name):
    path = os.path.join(ARGS.scripts, name + ".json")
    with open(path) as f:
        script = json.load(f)
    steps = []
    for step in script.get("turns", []):
        steps.extend([step] * int(step.get("repeat", 1)))
    script["steps"] = steps
    return script


def check_openai(body, problems):
    if not isinstance(body.get("model"), str):
        problems.append("model is not a string")
    if not any(isinstance(body.get(k), int) for k in ("max_tokens", "max_completion_tokens")):
        problems.append("no max_tokens")
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs:
        problems.append("messages is not a non-empty list")
        return
    pending = set()
    seen = set()
    for i, m in enumerate(msgs):
        role = m.get("role")
        if role not in ("system", "user", "assistant", "tool"):
            problems.append("message %d has role %r" % (i, role))
        if role == "tool":
            if m.get("tool_call_id") not in pending:
                problems.append("message %d answers unknown tool call %r" % (i, m.get("tool_call_id")))
            pending.discard(m.get("tool_call_id"))
            if not isinstance(m.get("content"), str):
                problems.append("tool message %d has no content string" % i)
            continue
        if pending:
            problems.append("tool calls %s not answered before message %d" % (sorted(pending), i))
            pending = set()
        if role == "assistant":
            for tc in m.get("tool_calls") or []:
                fn = tc.get("function", {})
                if tc.get("type") != "function" or not isinstance(fn.get("arguments"), str):
                    problems.append("malformed tool call in message %d" % i)
                if tc.get("id") in seen:
                    problems.append("tool call id %r used twice" % tc.get("id"))
                seen.add(tc.get("id"))
                pending.add(tc.get("id"))
        elif not isinstance(m.get("content"), str):
            problems.append("message %d has no content string" % i)
    for t in body.get("tools") or []:
        fn = t.get("function", {})
        if t.get("type") != "function" or not fn.get("name") or fn.get("parameters", {}).get("type") != "object":
            problems.append("malformed tool definition %r" % t)


def check_anthropic(body, headers, problems):
    if not headers.get("anthropic-version"):
        problems.append("no anthropic-version header")
    if not isinstance(body.get("model"), str):
        problems.append("model is not a string")
    if not isinstance(body.get("max_tokens"), int):
        problems.append("max_tokens is missing")
    system = body.get("system", "")
    if not (isinstance(system, str) or (isinstance(system, list) and all(
            b.get("type") == "text" and isinstance(b.get("text"), str) for b in system))):
        problems.append("system is neither a string nor a list of text blocks")
    msgs = body.get("messages")
    if not isinstance(msgs, list) or not msgs:
        problems.append("messages is not a non-empty list")
        return 0
    want = "user"
    pending = set()
    for i, m in enumerate(msgs):
        if m.get("role") != want:
            problems.append("message %d has role %r, expected %r" % (i, m.get("role"), want))
        content = m.get("content")
        blocks = [{"type": "text", "text": content}] if isinstance(content, str) else content
        if not isinstance(blocks, list) or not blocks:
            problems.append("message %d has no content" % i)
            blocks = []
        answered = set()
        for b in blocks:
            if b.get("type") == "tool_use":
                pending.add(b.get("id"))
                if not isinstance(b.get("input"), dict):
                    problems.append("tool_use input is not an object in message %d" % i)
            elif b.get("type") == "tool_result":
                answered.add(b.get("tool_use_id"))
        if m.get("role") == "user" and (pending or answered):
            if answered != pending:
                problems.append("message %d answers %s, expected %s" % (i, sorted(answered), sorted(pending)))
            pending = set()
        want = "assistant" if want == "user" else "user"
    for t in body.get("tools") or []:
        if not t.get("name") or t.get("input_schema", {}).get("type") != "object":
            problems.append("malformed tool definition %r" % t)
    # Prompt-cache breakpoints: at most 4, and never on thinking blocks.
    marks = [b for b in (system if isinstance(system, list) else []) if "cache_control" in b]
    for m in msgs:
        if isinstance(m.get("content"), list):
            for b in m["content"]:
                if "cache_control" in b:
                    marks.append(b)
                    if b.get("type") in ("thinking", "redacted_thinking"):
                        problems.append("cache_control on a thinking block")
    if len(marks) > 4:
        problems.append("%d cache breakpoints (at most 4)" % len(marks))
    return len(marks)


def check_responses(body, problems):
    if not isinstance(body.get("model"), str):
        problems.append("model is not a string")
    if not isinstance(body.get("max_output_tokens"), int):
        problems.append("no max_output_tokens")
    if not isinstance(body.get("instructions"), str):
        problems.append("no instructions")
    items = body.get("input")
    if not isinstance(items, list) or not items:
        problems.append("input is not a non-empty list")
        return
    pending, seen = set(), set()
    for i, it in enumerate(items):
        t = it.get("type", "message")
        if "id" in it and body.get("store") is False:
            problems.append("item %d has an id, but store is false" % i)
        if t == "message":
            if it.get("role") not in ("user", "assistant", "system", "developer"):
                problems.append("item %d has role %r" % (i, it.get("role")))
            if not isinstance(it.get("content"), (str, list)):
                problems.append("item %d has no content" % i)
        elif t == "function_call":
            if not isinstance(it.get("arguments"), str) or not it.get("name"):
                problems.append("malformed function_call in item %d" % i)
            if it.get("call_id") in seen:
                problems.append("call id %r used twice" % it.get("call_id"))
            seen.add(it.get("call_id"))
            pending.add(it.get("call_id"))
        elif t == "function_call_output":
            if it.get("call_id") not in pending:
                problems.append("item %d answers unknown call %r" % (i, it.get("call_id")))
            pending.discard(it.get("call_id"))
            if not isinstance(it.get("output"), str):
                problems.append("function_call_output %d has no output string" % i)
        elif t != "reasoning":
            problems.append("item %d has type %r" % (i, t))
    if pending:
        problems.append("calls %s never answered" % sorted(pending))
    for t in body.get("tools") or []:
        if t.get("type") != "function" or not t.get("name") or t.get("parameters", {}).get("type") != "object":
            problems.append("malformed tool definition %r" % t)


def last_tool_result(body):
    """The text of the last tool result (native) or user message (JSON mode)."""
    for m in reversed(body.get("messages") or body.get("input") or []):
        if m.get("type") == "function_call_output":
            return m.get("output", "")
        if m.get("role") == "tool":
            return m.get("content", "")
        if m.get("role") == "user":
            c = m.get("content")
            if isinstance(c, str):
                return c
            texts = []
            for b in c:
                if b.get("type") == "tool_result":
                    texts.append(b.get("content") if isinstance(b.get("content"), str) else json.dumps(b.get("content")))
                elif b.get("type") == "text":
                    texts.append(b.get("text", ""))
            return "\n".join(texts)
    return ""


def call_args(step):
    if step.get("tool") == "submit":
        return {"answer": step.get("answer", "")}
    args = {"command": step.get("command", "")}
    if "timeout_s" in step:
        args["timeout_s"] = step["timeout_s"]
    return args


def render(proto, model, step, n, native):
    calls = step.get("calls") or ([step] if "tool" in step or step.get("bad_args") else [])
    text = step.get("text", "")
    if not native and calls:
        c = calls[0]
        text = (text + "\n" if text else "") + "```json\n" + json.dumps(dict(tool=c.get("tool", "bash"), **call_args(c))) + "\n```"
        calls = []
    usage = step.get("usage", [100, 20])
    if proto == "openai":
        tcs = []
        for i, c in enumerate(calls):
            args = "{\"command\": " if c.get("bad_args") else json.dumps(call_args(c))
            tc = {"id": "call_%d_%d" % (n, i), "type": "function",
                  "function": {"name": c.get("tool", "bash"), "arguments": args}}
            if step.get("no_id"):
                del tc["id"]
            tcs.append(tc)
        msg = {"role": "assistant", "content": text or None}
        if step.get("reasoning"):
            msg["reasoning_content"] = step["reasoning"]
        if tcs:
            msg["tool_calls"] = tcs
        return {"id": "chatcmpl-%d" % n, "object": "chat.completion", "created": int(time.time()), "model": model,
                "choices": [{"index": 0, "message": msg, "finish_reason": "tool_calls" if tcs else "stop"}],
                "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1],
                          "total_tokens": usage[0] + usage[1]}}
    if proto == "responses":
        out = []
        if step.get("reasoning"):
            out.append({"type": "reasoning", "id": "rs_%d" % n, "summary": [], "encrypted_content": "enc-" + step["reasoning"]})
        if text:
            out.append({"type": "message", "id": "msg_%d" % n, "role": "assistant", "status": "completed",
                        "content": [{"type": "output_text", "text": text, "annotations": []}]})
        for i, c in enumerate(calls):
            args = "{\"command\": " if c.get("bad_args") else json.dumps(call_args(c))
            fc = {"type": "function_call", "id": "fc_%d_%d" % (n, i), "call_id": "call_%d_%d" % (n, i),
                  "name": c.get("tool", "bash"), "arguments": args, "status": "completed"}
            if step.get("no_id"):
                del fc["call_id"]
            out.append(fc)
        return {"id": "resp_%d" % n, "object": "response", "created_at": int(time.time()), "model": model,
                "status": "incomplete" if step.get("incomplete") else "completed",
                "incomplete_details": {"reason": "max_output_tokens"} if step.get("incomplete") else None,
                "output": out, "usage": {"input_tokens": usage[0], "output_tokens": usage[1],
                                         "total_tokens": usage[0] + usage[1],
                                         "input_tokens_details": {"cached_tokens": 0}}}
    content = [{"type": "text", "text": text}] if text else []
    for i, c in enumerate(calls):
        inp = "not an object" if c.get("bad_args") else call_args(c)
        content.append({"type": "tool_use", "id": "toolu_%d_%d" % (n, i), "name": c.get("tool", "bash"), "input": inp})
    return {"id": "msg_%d" % n, "type": "message", "role": "assistant", "model": model, "content": content,
            "stop_reason": "tool_use" if calls else "end_turn", "stop_sequence": None,
            "usage": {"input_tokens": usage[0], "output_tokens": usage[1]}}


def encode(obj, step):
    """JSON bytes; "inject" replaces placeholders with raw text (latin-1 code points become bytes),
    for escapes and bytes a well-behaved encoder never writes: \\u0000, lone surrogates, invalid UTF-8."""
    data = json.dumps(obj).encode()
    for k, v in step.get("inject", {}).items():
        data = data.replace(k.encode(), v.encode("latin-1"))
    return data


def pieces(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)] or []


def sse_openai(obj, body):
    """The chat-completions chunks of a rendered reply."""
    base = {"id": obj["id"], "object": "chat.completion.chunk", "created": obj["created"], "model": obj["model"]}
    msg = obj["choices"][0]["message"]

    def chunk(delta, fr=None):
        return dict(base, choices=[{"index": 0, "delta": delta, "finish_reason": fr}])
    out = [chunk({"role": "assistant", "content": ""})]
    for p in pieces(msg.get("reasoning_content") or "", 7):
        out.append(chunk({"reasoning_content": p}))
    for p in pieces(msg.get("content") or "", 8):
        out.append(chunk({"content": p}))
    for i, tc in enumerate(msg.get("tool_calls") or []):
        first = {"index": i, "type": "function", "function": {"name": tc["function"]["name"], "arguments": ""}}
        if "id" in tc:
            first["id"] = tc["id"]
        out.append(chunk({"tool_calls": [first]}))
        for p in pieces(tc["function"]["arguments"], 10):
            out.append(chunk({"tool_calls": [{"index": i, "function": {"arguments": p}}]}))
    out.append(chunk({}, obj["choices"][0]["finish_reason"]))
    if (body.get("stream_options") or {}).get("include_usage"):
        out.append(dict(base, choices=[], usage=obj["usage"]))
    return [("", json.dumps(e)) for e in out] + [("", "[DONE]")]


def sse_anthropic(obj):
    """The Messages events of a rendered reply."""
    start = dict(obj, content=[], stop_reason=None, usage={"input_tokens": obj["usage"]["input_tokens"], "output_tokens": 1})
    out = [("message_start", {"type": "message_start", "message": start}), ("ping", {"type": "ping"})]
    for i, b in enumerate(obj["content"]):
        if b["type"] == "text":
            out.append(("content_block_start", {"type": "content_block_start", "index": i, "content_block": {"type": "text", "text": ""}}))
            for p in pieces(b["text"], 8):
                out.append(("content_block_delta", {"type": "content_block_delta", "index": i, "delta": {"type": "text_delta", "text": p}}))
        else:
            out.append(("content_block_start", {"type": "content_block_start", "index": i,
                                                "content_block": {"type": "tool_use", "id": b["id"], "name": b["name"], "input": {}}}))
            for p in pieces(json.dumps(b["input"]), 10):
                out.append(("content_block_delta", {"type": "content_block_delta", "index": i,
                                                    "delta": {"type": "input_json_delta", "partial_json": p}}))
        out.append(("content_block_stop", {"type": "content_block_stop", "index": i}))
    out.append(("message_delta", {"type": "message_delta", "delta": {"stop_reason": obj["stop_reason"], "stop_sequence": None},
                                  "usage": {"output_tokens": obj["usage"]["output_tokens"]}}))
    out.append(("message_stop", {"type": "message_stop"}))
    return [(n, json.dumps(e)) for n, e in out]


def sse_responses(obj):
    """The Responses events of a rendered reply: deltas, then response.completed with it whole."""
    start = dict(obj, status="in_progress", output=[])
    out = [("response.created", {"type": "response.created", "response": start})]
    for i, it in enumerate(obj["output"]):
        out.append(("response.output_item.added", {"type": "response.output_item.added", "output_index": i, "item": it}))
        if it["type"] == "message":
            for p in pieces(it["content"][0]["text"], 8):
                out.append(("response.output_text.delta", {"type": "response.output_text.delta", "output_index": i,
                                                           "content_index": 0, "delta": p}))
        elif it["type"] == "function_call":
            for p in pieces(it["arguments"], 10):
                out.append(("response.function_call_arguments.delta", {"type": "response.function_call_arguments.delta",
                                                                       "output_index": i, "delta": p}))
        out.append(("response.output_item.done", {"type": "response.output_item.done", "output_index": i, "item": it}))
    kind = "response.incomplete" if obj["status"] == "incomplete" else "response.completed"
    out.append((kind, {"type": kind, "response": obj}))
    return [(n, json.dumps(e)) for n, e in out]


def log(entry):
    with LOCK:
        with open(ARGS.log, "a") as f:
            f.write(json.dumps(entry) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes: without this, Nagle and
        # the client's delayed ACK add 40 ms to every reply.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *a):
        pass

    def send_json(self, status, obj, headers=None):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self.end_headers()
        self.wfile.write(data)

    def send_stream(self, proto, reply, body, step):
        """The reply as server-sent events over chunked encoding, with the step's stream faults."""
        if proto == "openai":
            events = sse_openai(reply, body)
        elif proto == "anthropic":
            events = sse_anthropic(reply)
        else:
            events = sse_responses(reply)
        if step.get("stream_bad"):
            events.insert(len(events) // 2, ("", "{not json"))
        if "stream_error" in step:
            err = step["stream_error"]
            events = events[: len(events) // 2] + [("error" if proto != "openai" else "", json.dumps(err))]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def write(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()
        half = len(events) // 2
        for i, (name, data) in enumerate(events):
            if i == half and step.get("stream_stall"):
                time.sleep(step["stream_stall"])
                self.close_connection = True
                return
            if i == half and step.get("stream_drop"):
                write(b"data: {\"choices\": [{\"delta\": {\"cont")
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.close_connection = True
                return
            text = ("event: %s\n" % name if name else "") + "data: %s\n\n" % data
            raw = text.encode()
            for k, v in step.get("inject", {}).items():
                raw = raw.replace(k.encode(), v.encode("latin-1"))
            write(raw)
            time.sleep(step.get("event_delay", 0))
        self.wfile.write(b"0\r\n\r\n")

    def do_GET(self):
        """What local servers report about their context window: llama-server's /props, vLLM's /v1/models."""
        log({"path": self.path, "method": "GET", "problems": []})
        if self.path.endswith("/props"):
            return self.send_json(200, {"default_generation_settings": {"n_ctx": 12000}, "total_slots": 1})
        if self.path.endswith("/models"):
            return self.send_json(200, {"object": "list", "data": [{"id": "m", "object": "model", "max_model_len": 12000}]})
        return self.send_json(404, {"error": {"message": "no such endpoint"}})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        headers = {k.lower(): v for k, v in self.headers.items()}
        entry = {"path": self.path, "port": self.client_address[1], "problems": []}
        problems = entry["problems"]
        key = ARGS.key
        if self.path.endswith("/chat/completions"):
            proto = "openai"
            auth_ok = headers.get("authorization") == "Bearer " + key
        elif self.path.endswith("/responses"):
            proto = "responses"
            auth_ok = headers.get("authorization") == "Bearer " + key
        elif self.path.endswith("/v1/messages"):
            proto = "anthropic"
            auth_ok = headers.get("x-api-key") == key
        else:
            entry["problems"].append("unknown path")
            log(entry)
            return self.send_json(404, {"error": {"message": "no such endpoint"}})
        entry["protocol"] = proto
        entry["auth_ok"] = auth_ok
        # The key may appear in its auth header only: not in the URL, the body or other headers.
        other = {k: v for k, v in headers.items() if k not in ("authorization", "x-api-key")}
        entry["key_elsewhere"] = key in self.path or key.encode() in raw or key in json.dumps(other)
        try:
            body = json.loads(raw)
        except ValueError:
            problems.append("body is not JSON")
            log(entry)
            return self.send_json(400, {"error": {"message": "invalid JSON body"}})
        model = str(body.get("model"))
        entry["model"] = model
        native = bool(body.get("tools"))
        entry["tools"] = native
        entry["tool_result"] = last_tool_result(body)
        entry["nmessages"] = len(body.get("messages") or body.get("input") or [])
        entry["stream"] = bool(body.get("stream"))
        entry["include_usage"] = bool((body.get("stream_options") or {}).get("include_usage"))
        entry["reasoning_sent"] = any("reasoning_content" in m or m.get("type") == "reasoning" for m in body.get("messages") or body.get("input") or [])
        if not auth_ok:
            log(entry)
            if proto != "anthropic":
                return self.send_json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}})
            return self.send_json(401, {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}})
        if proto == "openai":
            check_openai(body, problems)
        elif proto == "responses":
            check_responses(body, problems)
        else:
            entry["cache_breakpoints"] = check_anthropic(body, headers, problems)
        try:
            script = load_script(model.split("#")[0])
        except (OSError, ValueError) as e:
            problems.append("no script: %s" % e)
            log(entry)
            return self.send_json(404, {"error": {"message": "model not found"}})
        if problems:
            log(entry)
            return self.send_json(400, {"error": {"message": "; ".join(problems)}})
        if native and script.get("tools_unsupported"):
            entry["fault"] = "tools_unsupported"
            log(entry)
            return self.send_json(400, {"error": {"message": "this model does not support tools"}})
        with LOCK:
            n = COUNTERS.get(model, 0)
            COUNTERS[model] = n + 1
        entry["step"] = n
        if n >= len(script["steps"]):
            problems.append("script exhausted")
            log(entry)
            return self.send_json(500, {"error": {"message": "script exhausted"}})
        step = script["steps"][n]
        entry["elided"] = raw.count(b"[elided to fit the context window")
        limit = script.get("context_limit")
        if limit:
            # A small model: the prompt costs len/4 tokens, and past the limit the request is refused
            # the way the provider would.
            tokens = (len(raw) + 3) // 4
            entry["prompt_tokens"] = tokens
            if tokens > limit:
                entry["fault"] = "context_limit"
                log(entry)
                if proto == "anthropic":
                    return self.send_json(400, {"type": "error", "error": {"type": "invalid_request_error",
                                          "message": "prompt is too long: %d tokens > %d maximum" % (tokens, limit)}})
                return self.send_json(400, {"error": {"message": "This model's maximum context length is %d tokens. "
                                      "However, your messages resulted in %d tokens." % (limit, tokens),
                                      "type": "invalid_request_error", "code": "context_length_exceeded"}})
            step = dict(step, usage=[tokens, step.get("usage", [100, 20])[1]])
        want = step.get("expect", {}).get("tool_result")
        if want is not None and want not in entry["tool_result"]:
            problems.append("expected %r in the last tool result" % want)
        log(entry)
        time.sleep(step.get("delay", 0))
        if "status" in step:
            return self.send_json(step["status"], step.get("body", {"error": {"message": "scripted error"}}),
                                  step.get("headers"))
        if step.get("drop"):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if "raw" in step:
            data = step["raw"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        reply = render(proto, model, step, n, native)
        if body.get("stream"):
            return self.send_stream(proto, reply, body, step)
        data = encode(reply, step)
        if step.get("stall") or step.get("truncate"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data) + 100))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            time.sleep(step.get("stall", 0))
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--scripts", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--key", default="sk-test-key")
    p.add_argument("--port", type=int, default=0)
    ARGS = p.parse_args()
    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a client that gave up (timeouts, stalls) is part of the tests

    srv = Server(("127.0.0.1", ARGS.port), Handler)
    srv.daemon_threads = True
    print("PORT %d" % srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
