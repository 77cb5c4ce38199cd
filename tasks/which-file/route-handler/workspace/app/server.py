from http.server import HTTPServer, BaseHTTPRequestHandler
from app.routes import ROUTES, match


class Handler(BaseHTTPRequestHandler):
    def _dispatch(self, method):
        fn, params = match(ROUTES, method, self.path)
        if fn is None:
            self.send_error(404)
            return
        status, body = fn(self, **params)
        self.send_response(status)
        self.end_headers()
        self.wfile.write(body.encode())

    def do_GET(self):
        self._dispatch("GET")

    def do_PUT(self):
        self._dispatch("PUT")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", 8080), Handler).serve_forever()
