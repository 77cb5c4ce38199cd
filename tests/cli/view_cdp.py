#!/usr/bin/env python3
"""Drive Debian's headless Chromium through the DevTools protocol (over
--remote-debugging-pipe: no websocket library needed) around horizon view.

usage: view_cdp.py CHROMIUM PROFILE_DIR OUT_DIR STEPS.json

STEPS.json is a list of steps run in order in one page:
  {"go": URL}                          navigate
  {"wait": JS}                         poll until the expression is truthy (15 s)
  {"click": CSS}                       click the first element matching
  {"select": CSS, "value": V}          set a <select> and fire its change event
  {"shot": NAME}                       save OUT_DIR/NAME.png (full page, 1280 wide)
  {"eval": JS, "name": KEY}            record the expression's value as KEY
Prints one JSON object: {"values": {KEY: ...}, "console": [...], "errors": [...]}
("errors": steps that failed, page exceptions and CSP violations).
"""
import base64
import json
import os
import subprocess
import sys
import time

class Browser:
    def __init__(self, chromium, profile):
        r_parent, w_child = os.pipe()   # chromium writes on its fd 4
        r_child, w_parent = os.pipe()   # chromium reads its fd 3
        def fds():
            os.dup2(r_child, 3)
            os.dup2(w_child, 4)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--disable-quic", "--proxy-server=127.0.0.1:9",
             "--user-data-dir=" + profile, "about:blank"],
            pass_fds=(3, 4), preexec_fn=fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r_child)
        os.close(w_child)
        self.rd = os.fdopen(r_parent, "rb", buffering=0)
        self.wr = os.fdopen(w_parent, "wb", buffering=0)
        self.buf = b""
        self.next_id = 0
        self.session = None
        self.events = []

    def _read_msg(self):
        while b"\0" not in self.buf:
            chunk = self.rd.read(1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        self.wr.write(json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read_msg()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"].get("message")))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def close(self):
        try:
            self.call("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def eval(self, expr):
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expr, r["exceptionDetails"].get("text")))
        return r.get("result", {}).get("value")


def main():
    chromium, profile, out, steps_path = sys.argv[1:5]
    steps = json.load(open(steps_path))
    b = Browser(chromium, profile)
    values, errors = {}, []
    try:
        tid = b.call("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        b.session = b.call("Target.attachToTarget", {"targetId": tid, "flatten": True}, session=False)["sessionId"]
        for m in ("Page.enable", "Runtime.enable", "Log.enable"):
            b.call(m)
        b.call("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        for st in steps:
            try:
                if "go" in st:
                    b.call("Page.navigate", {"url": st["go"]})
                elif "wait" in st:
                    end = time.time() + 15
                    while not b.eval("!!(" + st["wait"] + ")"):
                        if time.time() > end:
                            raise RuntimeError("timed out waiting for " + st["wait"])
                        time.sleep(0.1)
                elif "click" in st:
                    if not b.eval("(e => e ? (e.click(), true) : false)(document.querySelector(%s))" % json.dumps(st["click"])):
                        raise RuntimeError("nothing to click: " + st["click"])
                elif "select" in st:
                    js = ("(e => { if (!e) return false; e.value = %s; e.dispatchEvent(new Event('change')); return true; })"
                          "(document.querySelector(%s))" % (json.dumps(st["value"]), json.dumps(st["select"])))
                    if not b.eval(js):
                        raise RuntimeError("no select " + st["select"])
                elif "shot" in st:
                    time.sleep(0.2)
                    r = b.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
                    with open(os.path.join(out, st["shot"] + ".png"), "wb") as f:
                        f.write(base64.b64decode(r["data"]))
                elif "eval" in st:
                    values[st["name"]] = b.eval(st["eval"])
            except Exception as e:
                errors.append("step %s: %s" % (json.dumps(st)[:120], e))
                break
    finally:
        b.close()
    console = []
    for ev in b.events:
        if ev["method"] == "Runtime.exceptionThrown":
            errors.append("page exception: " + ev["params"]["exceptionDetails"].get("text", ""))
        elif ev["method"] == "Log.entryAdded":
            e = ev["params"]["entry"]
            console.append(e.get("text", ""))
            if "Content Security Policy" in e.get("text", ""):
                errors.append("CSP violation: " + e["text"])
        elif ev["method"] == "Runtime.consoleAPICalled":
            console.append(" ".join(str(a.get("value", "")) for a in ev["params"].get("args", [])))
    print(json.dumps({"values": values, "console": console, "errors": errors}, indent=1))


if __name__ == "__main__":
    main()
