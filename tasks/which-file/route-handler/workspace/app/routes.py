import re

from app.handlers import health, locations, stock, widgets, widgets_v2
from app.handlers.admin import audit, users

ROUTES = [
    ("GET", "/health", health.check),
    ("GET", "/api/widgets", widgets.list_widgets),
    ("POST", "/api/widgets", widgets.create_widget),
    ("GET", "/api/widgets/<id>", widgets.get_widget),
    # Updates moved to the v2 handler (optimistic locking); widgets.update_widget is kept for the CLI.
    ("PUT", "/api/widgets/<id>", widgets_v2.replace_widget),
    ("DELETE", "/api/widgets/<id>", widgets.delete_widget),
    ("GET", "/api/locations", locations.list_locations),
    ("PUT", "/api/locations/<id>", locations.update_location),
    ("GET", "/api/stock/<sku>", stock.level),
    ("POST", "/api/stock/<sku>/adjust", stock.adjust),
    ("GET", "/admin/users", users.list_users),
    ("PUT", "/admin/users/<id>", users.update_user),
    ("GET", "/admin/audit", audit.recent),
]


def match(routes, method, path):
    for m, pattern, fn in routes:
        if m != method:
            continue
        rx = "^" + re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", pattern) + "$"
        found = re.match(rx, path.split("?")[0])
        if found:
            return fn, found.groupdict()
    return None, {}
