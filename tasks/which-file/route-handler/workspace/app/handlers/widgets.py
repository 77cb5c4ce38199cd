import json

from app.store import db


def list_widgets(req):
    return 200, json.dumps(db.all("widgets"))


def create_widget(req):
    data = json.loads(req.rfile.read(int(req.headers["Content-Length"])))
    return 201, json.dumps(db.insert("widgets", data))


def get_widget(req, id):
    w = db.get("widgets", id)
    return (200, json.dumps(w)) if w else (404, "{}")


def update_widget(req, id):
    """Old PUT handler without version checks; used by the import CLI only."""
    data = json.loads(req.rfile.read(int(req.headers["Content-Length"])))
    db.update("widgets", id, data)
    return 200, json.dumps(db.get("widgets", id))


def delete_widget(req, id):
    db.delete("widgets", id)
    return 204, ""
