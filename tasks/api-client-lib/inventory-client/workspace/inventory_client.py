"""Client for the Inventory service's HTTP API (see API.md).

The client never talks to the network itself: it is given a *transport*, a callable

    transport(method, url, headers, body, timeout) -> Response

that performs one HTTP request (body is bytes or None) and returns a Response, or raises
ConnectionError / TimeoutError when the request could not be completed.
"""
import json
import time
import uuid


class Response:
    def __init__(self, status, headers=None, body=b""):
        self.status = status
        # header names are case-insensitive: stored lower-case
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class InventoryClient:
    def __init__(self, base_url, token, transport, timeout=10.0, max_retries=3, backoff=0.5,
                 sleep=time.sleep, uuid_factory=uuid.uuid4):
        self.base_url = base_url
        self.token = token
        self.transport = transport
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.sleep = sleep
        self.uuid_factory = uuid_factory

    def _get(self, path):
        headers = {"Authorization": "Bearer " + self.token}
        resp = self.transport("GET", self.base_url + path, headers, None, self.timeout)
        if resp.status != 200:
            raise Exception("HTTP %d" % resp.status)
        return resp.json()

    def get_item(self, item_id):
        """The item with this id, as a dict."""
        return self._get("/items/" + item_id)

    def list_items(self):
        """All items."""
        return self._get("/items")["items"]
