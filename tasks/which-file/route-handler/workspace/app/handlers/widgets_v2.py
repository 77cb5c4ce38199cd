import json

from app.store import db


def replace_widget(req, id):
    data = json.loads(req.rfile.read(int(req.headers["Content-Length"])))
    current = db.get("widgets", id)
    if current is None:
        return 404, "{}"
    if data.get("version") != current.get("version"):
        return 409, json.dumps({"error": "version conflict"})
    data["version"] = current["version"] + 1
    db.update("widgets", id, data)
    return 200, json.dumps(data)
