import json, os, sys, traceback
sys.path.insert(0, os.getcwd())
import inventory_client as ic
fails = 0; ran = 0
def J(obj): return json.dumps(obj).encode()
class Fake:
    def __init__(self, *responses): self.responses = list(responses); self.calls = []
    def __call__(self, *args, **kw):
        if kw: raise AssertionError("transport must be called positionally")
        method, url, headers, body, timeout = args
        self.calls.append((method, url, dict(headers), body, timeout))
        if not self.responses: raise AssertionError("unexpected request %s %s" % (method, url))
        r = self.responses.pop(0)
        if isinstance(r, BaseException): raise r
        return r
def R(status, body=b"", headers=None): return ic.Response(status, headers or {}, body if isinstance(body, bytes) else J(body))
class Clock:
    def __init__(self): self.sleeps = []
    def __call__(self, d): self.sleeps.append(d)
def client(fake, **kw):
    kw.setdefault("sleep", Clock())
    ids = iter(["key-%d" % i for i in range(1, 100)])
    kw.setdefault("uuid_factory", lambda: next(ids))
    return ic.InventoryClient("https://inv.example/v2/", "tok", fake, **kw)
def test(f):
    global fails, ran
    ran += 1
    try: f()
    except Exception:
        fails += 1; print("FAIL %s:" % f.__name__); traceback.print_exc(limit=2, file=sys.stdout)
    return f
def hdr_ok(h, body):
    want = {"Authorization": "Bearer tok", "Accept": "application/json"}
    if body: want["Content-Type"] = "application/json"
    low = {k.lower(): v for k, v in h.items()}
    for k, v in want.items(): assert low.get(k.lower()) == v, "header %s: %r" % (k, h)

@test
def get_item_basic():
    f = Fake(R(200, {"id": "a/b c", "qty": 2}, {"ETag": '"v1"'})); c = client(f)
    assert c.get_item("a/b c") == {"id": "a/b c", "qty": 2}
    m, url, h, body, to = f.calls[0]
    assert (m, url, body, to) == ("GET", "https://inv.example/v2/items/a%2Fb%20c", None, 10.0), f.calls[0]
    hdr_ok(h, False)
@test
def get_with_etag():
    f = Fake(R(200, {"id": "x"}, {"etag": '"abc"'}), R(200, {"id": "y"})); c = client(f, timeout=3)
    assert c.get_item_with_etag("x") == ({"id": "x"}, '"abc"')
    assert c.get_item_with_etag("y") == ({"id": "y"}, None)
    assert f.calls[0][4] == 3
@test
def base_url_without_slash():
    f = Fake(R(200, {"id": "1"})); c = ic.InventoryClient("http://h:8080/api", "t", f, sleep=Clock())
    c.get_item("1"); assert f.calls[0][1] == "http://h:8080/api/items/1"
@test
def errors_mapping():
    cases = [(404, ic.NotFoundError), (401, ic.AuthError), (403, ic.AuthError), (400, ic.ValidationError), (422, ic.ValidationError),
             (409, ic.ConflictError), (412, ic.ConflictError), (418, ic.ClientError), (500, ic.ServerError), (501, ic.ServerError)]
    for status, cls in cases:
        f = Fake(R(status, {"error": "boom %d" % status})); c = client(f)
        try: c.get_item("x"); raise AssertionError("no error for %d" % status)
        except ic.ApiError as e:
            assert type(e) is cls, (status, type(e))
            assert e.status == status and e.message == "boom %d" % status
        assert len(f.calls) == 1 and c.sleep.sleeps == [], "non-retryable %d retried" % status
    assert issubclass(ic.NotFoundError, ic.ClientError) and issubclass(ic.ClientError, ic.ApiError) and issubclass(ic.ServerError, ic.ApiError)
    assert issubclass(ic.RateLimitError, ic.ClientError) and issubclass(ic.TransportError, ic.ApiError) and not issubclass(ic.ServerError, ic.ClientError)
@test
def error_messages():
    for body, msg in [(b"<html>Bad Gateway</html>\n", "<html>Bad Gateway</html>"), (b"", ""), (J({"nope": 1}), json.dumps({"nope": 1})),
                      (b"  plain text \xff ", "plain text \ufffd"), (J(["error"]), '["error"]')]:
        f = Fake(R(400, body)); c = client(f)
        try: c.get_item("x"); raise AssertionError("no error")
        except ic.ValidationError as e: assert e.message == msg, (e.message, msg); assert e.details == {}
    f = Fake(R(422, {"error": "invalid", "details": {"qty": "must be >= 0"}})); c = client(f)
    try: c.create_item({"qty": -1}); raise AssertionError("no error")
    except ic.ValidationError as e: assert e.details == {"qty": "must be >= 0"} and e.message == "invalid"
@test
def retry_then_success():
    f = Fake(R(503), R(502, b"x"), R(200, {"id": "1"})); c = client(f)
    assert c.get_item("1") == {"id": "1"}
    assert c.sleep.sleeps == [0.5, 1.0], c.sleep.sleeps
    assert len(f.calls) == 3 and f.calls[0] == f.calls[1] == f.calls[2]
@test
def retry_after_header():
    f = Fake(R(429, {"error": "slow"}, {"Retry-After": "7"}), R(503, b"", {"retry-after": "120"}), R(504, b"", {"Retry-After": "soon"}), R(200, {"id": "1"}))
    c = client(f); c.get_item("1")
    assert c.sleep.sleeps == [7, 60, 2.0], c.sleep.sleeps
@test
def retries_exhausted():
    f = Fake(R(503), R(503), R(503), R(503, {"error": "down"})); c = client(f)
    try: c.get_item("1"); raise AssertionError("no error")
    except ic.ServerError as e: assert e.status == 503 and e.message == "down"
    assert c.sleep.sleeps == [0.5, 1.0, 2.0] and len(f.calls) == 4
    f = Fake(R(429), R(429, {"error": "rate"})); c = client(f, max_retries=1, backoff=0.1)
    try: c.get_item("1"); raise AssertionError("no error")
    except ic.RateLimitError as e: assert e.status == 429 and e.message == "rate"
    assert c.sleep.sleeps == [0.1] and len(f.calls) == 2
    f = Fake(R(503)); c = client(f, max_retries=0)
    try: c.get_item("1"); raise AssertionError("no error")
    except ic.ServerError: pass
    assert c.sleep.sleeps == []
@test
def transport_errors():
    f = Fake(ConnectionError("reset"), TimeoutError("slow"), R(200, {"id": "1"})); c = client(f)
    assert c.get_item("1") == {"id": "1"} and c.sleep.sleeps == [0.5, 1.0]
    e1 = TimeoutError("t"); f = Fake(ConnectionError("a"), ConnectionError("b"), ConnectionError("c"), e1); c = client(f)
    try: c.get_item("1"); raise AssertionError("no error")
    except ic.TransportError as e: assert e.status is None and e.__cause__ is e1
    f = Fake(ValueError("bug")); c = client(f)
    try: c.get_item("1"); raise AssertionError("no error")
    except ValueError: pass
    assert c.sleep.sleeps == []
@test
def list_pages_lazy():
    f = Fake(R(200, {"items": [{"id": "1"}, {"id": "2"}], "next_cursor": "c 2/x"}), R(200, {"items": [], "next_cursor": "c3"}),
             R(200, {"items": [{"id": "3"}], "next_cursor": None}))
    c = client(f); it = c.list_items(tag="red&blue", page_size=2)
    assert f.calls == [], "list_items must be lazy"
    assert next(it) == {"id": "1"} and len(f.calls) == 1
    assert next(it) == {"id": "2"} and len(f.calls) == 1
    assert list(it) == [{"id": "3"}] and len(f.calls) == 3
    assert [x[1] for x in f.calls] == ["https://inv.example/v2/items?limit=2&tag=red%26blue",
        "https://inv.example/v2/items?limit=2&tag=red%26blue&cursor=c+2%2Fx", "https://inv.example/v2/items?limit=2&tag=red%26blue&cursor=c3"], [x[1] for x in f.calls]
@test
def list_no_params():
    f = Fake(R(200, {"items": [{"id": "1"}]}), R(200, {"items": [{"id": "9"}], "next_cursor": "n"}), R(503), R(200, {"items": [{"id": "10"}], "next_cursor": None}))
    c = client(f); assert list(c.list_items()) == [{"id": "1"}]
    assert f.calls[0][1] == "https://inv.example/v2/items"
    assert [i["id"] for i in c.list_items(page_size=1)] == ["9", "10"]
    assert f.calls[1][1] == "https://inv.example/v2/items?limit=1" and f.calls[2][1] == f.calls[3][1] == "https://inv.example/v2/items?limit=1&cursor=n"
@test
def create():
    f = Fake(R(503), R(201, {"id": "new", "name": "b\u00e9"}), R(200, {"id": "n2"})); c = client(f)
    assert c.create_item({"name": "b\u00e9", "qty": 1, "a": [1, 2]}) == {"id": "new", "name": "b\u00e9"}
    m, url, h, body, to = f.calls[1]
    assert m == "POST" and url == "https://inv.example/v2/items"
    assert body == json.dumps({"name": "b\u00e9", "qty": 1, "a": [1, 2]}, separators=(",", ":"), sort_keys=True).encode(), body
    hdr_ok(h, True)
    low = {k.lower(): v for k, v in h.items()}; assert low["idempotency-key"] == "key-1"
    assert f.calls[0] == f.calls[1], "retries must resend the same key"
    c.create_item({})
    assert {k.lower(): v for k, v in f.calls[2][2].items()}["idempotency-key"] == "key-2" and f.calls[2][3] == b"{}"
@test
def update():
    f = Fake(R(200, {"id": "a b", "qty": 3}, {"ETag": '"v2"'}), R(412, {"error": "stale"})); c = client(f)
    assert c.update_item("a b", {"qty": 3}, '"v1"') == ({"id": "a b", "qty": 3}, '"v2"')
    m, url, h, body, to = f.calls[0]
    assert m == "PATCH" and url == "https://inv.example/v2/items/a%20b" and body == b'{"qty":3}'
    hdr_ok(h, True); assert {k.lower(): v for k, v in h.items()}["if-match"] == '"v1"'
    try: c.update_item("a b", {"qty": 4}, '"v1"'); raise AssertionError("no conflict")
    except ic.ConflictError as e: assert e.status == 412 and e.message == "stale"
@test
def delete():
    f = Fake(R(204), R(404, {"error": "gone"})); c = client(f)
    assert c.delete_item("k") is None
    assert f.calls[0][0] == "DELETE" and f.calls[0][1] == "https://inv.example/v2/items/k" and f.calls[0][3] is None
    hdr_ok(f.calls[0][2], False)
    try: c.delete_item("k"); raise AssertionError("no error")
    except ic.NotFoundError as e: assert e.message == "gone"
@test
def any_2xx_ok():
    f = Fake(R(200, {"id": "x"}), R(202, {"id": "y"})); c = client(f)
    assert c.create_item({"a": 1}) == {"id": "x"}
    assert c.update_item("y", {}, "e") == ({"id": "y"}, None)
print("passed %d of %d" % (ran - fails, ran))
sys.exit(1 if fails else 0)
