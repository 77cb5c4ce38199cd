import json
import time
import urllib.request

from fetchkit import messages as msg
from fetchkit.errors import IntegrityError, SyncError
from fetchkit.util import hashing


def fetch_manifest(url, max_age):
    with urllib.request.urlopen(url + "/manifest.json") as r:
        manifest = json.load(r)
    age = int(time.time() - manifest["generated_at"])
    if age > max_age:
        raise SyncError(msg.STALE_MANIFEST.format(age=age, limit=max_age))
    if not manifest.get("packages"):
        raise SyncError(msg.EMPTY_MIRROR.format(url=url))
    return manifest


def download_missing(url, manifest, cached, dest):
    have = {p["name"] for p in (cached or {}).get("packages", [])}
    for pkg in manifest["packages"]:
        if pkg["name"] in have:
            continue
        with urllib.request.urlopen(url + "/" + pkg["path"]) as r:
            data = r.read()
        got = hashing.sha256(data)
        if got != pkg["sha256"]:
            raise IntegrityError(msg.BAD_CHECKSUM.format(name=pkg["name"], want=pkg["sha256"], got=got))
        with open(f"{dest}/{pkg['name']}", "wb") as f:
            f.write(data)
