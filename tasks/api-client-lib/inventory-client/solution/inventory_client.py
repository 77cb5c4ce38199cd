"""Client for the Inventory service's HTTP API (see API.md).

The client never talks to the network itself: it is given a *transport*, a callable

    transport(method, url, headers, body, timeout) -> Response

that performs one HTTP request (body is bytes or None) and returns a Response, or raises
ConnectionError / TimeoutError when the request could not be completed.
"""
import json
import time
import urllib.parse
import uuid


class Response:
    def __init__(self, status, headers=None, body=b""):
        self.status = status
        # header names are case-insensitive: stored lower-case
        self.headers = {k.lower(): v for k, v in (headers or {}).items()}
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__("HTTP %s: %s" % (status, message))
        self.status = status
        self.message = message


class ClientError(ApiError):
    pass


class NotFoundError(ClientError):
    pass


class AuthError(ClientError):
    pass


class ValidationError(ClientError):
    def __init__(self, status, message, details=None):
        super().__init__(status, message)
        self.details = details or {}


class ConflictError(ClientError):
    pass


class RateLimitError(ClientError):
    pass


class ServerError(ApiError):
    pass


class TransportError(ApiError):
    pass


RETRY_STATUSES = {429, 502, 503, 504}


def _error_for(resp):
    body = resp.body or b""
    message, details = None, {}
    try:
        obj = json.loads(body.decode("utf-8"))
        if isinstance(obj, dict) and isinstance(obj.get("error"), str):
            message = obj["error"]
            if isinstance(obj.get("details"), dict):
                details = obj["details"]
    except (ValueError, UnicodeDecodeError):
        pass
    if message is None:
        message = body.decode("utf-8", errors="replace").strip()
    s = resp.status
    if s == 404:
        return NotFoundError(s, message)
    if s in (401, 403):
        return AuthError(s, message)
    if s in (400, 422):
        return ValidationError(s, message, details)
    if s in (409, 412):
        return ConflictError(s, message)
    if s == 429:
        return RateLimitError(s, message)
    if 400 <= s < 500:
        return ClientError(s, message)
    return ServerError(s, message)


class InventoryClient:
    def __init__(self, base_url, token, transport, timeout=10.0, max_retries=3, backoff=0.5,
                 sleep=time.sleep, uuid_factory=uuid.uuid4):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.transport = transport
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.sleep = sleep
        self.uuid_factory = uuid_factory

    # -- plumbing -------------------------------------------------------------
    def _request(self, method, path, query=None, data=None, extra_headers=None):
        url = self.base_url + path
        if query:
            q = [(k, v) for k, v in query if v is not None]
            if q:
                url += "?" + urllib.parse.urlencode(q)
        headers = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        body = None
        if data is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8")
        headers.update(extra_headers or {})
        attempt = 0
        while True:
            resp, exc = None, None
            try:
                resp = self.transport(method, url, dict(headers), body, self.timeout)
            except (ConnectionError, TimeoutError) as e:
                exc = e
            retryable = exc is not None or resp.status in RETRY_STATUSES
            if not retryable or attempt >= self.max_retries:
                break
            attempt += 1
            delay = None
            if resp is not None:
                ra = str(resp.headers.get("retry-after", "")).strip()
                if ra.isdigit():
                    delay = min(int(ra), 60)
            if delay is None:
                delay = self.backoff * 2 ** (attempt - 1)
            self.sleep(delay)
        if exc is not None:
            raise TransportError(None, str(exc)) from exc
        if 200 <= resp.status < 300:
            return resp
        raise _error_for(resp)

    @staticmethod
    def _path(item_id):
        return "/items/" + urllib.parse.quote(item_id, safe="")

    # -- API ------------------------------------------------------------------
    def get_item(self, item_id):
        """The item with this id, as a dict."""
        return self._request("GET", self._path(item_id)).json()

    def get_item_with_etag(self, item_id):
        resp = self._request("GET", self._path(item_id))
        return resp.json(), resp.headers.get("etag")

    def list_items(self, tag=None, page_size=None):
        """All items, lazily, over all pages."""
        cursor = None
        while True:
            resp = self._request("GET", "/items", query=[("limit", page_size), ("tag", tag), ("cursor", cursor)])
            page = resp.json()
            for item in page.get("items", []):
                yield item
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def create_item(self, data):
        key = str(self.uuid_factory())
        return self._request("POST", "/items", data=data, extra_headers={"Idempotency-Key": key}).json()

    def update_item(self, item_id, changes, etag):
        resp = self._request("PATCH", self._path(item_id), data=changes, extra_headers={"If-Match": etag})
        return resp.json(), resp.headers.get("etag")

    def delete_item(self, item_id):
        self._request("DELETE", self._path(item_id))
        return None
