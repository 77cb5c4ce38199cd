import logging
import os
import subprocess

log = logging.getLogger("thumbnails")
UPLOADS = "/srv/uploads"
SIZES = {"small": "128x128", "medium": "512x512", "large": "1024x1024"}


def safe_name(name):
    base = os.path.basename(name)
    if not base or base.startswith("."):
        raise ValueError("bad file name")
    return base


def make_thumb(name, size="small"):
    src = os.path.join(UPLOADS, safe_name(name))
    dst = src + "." + size + ".png"
    geometry = SIZES.get(size, size)
    log.info("thumbnail %s at %s", src, geometry)
    subprocess.run(["convert", src, "-resize", geometry, dst], check=True)
    return dst


def delete_thumbs(name):
    for size in SIZES:
        path = os.path.join(UPLOADS, safe_name(name)) + "." + size + ".png"
        if os.path.exists(path):
            log.info("removing %s", path)
            os.remove(path)


def archive(name):
    target = os.path.join(UPLOADS, "archive")
    os.makedirs(target, exist_ok=True)
    subprocess.run("tar -czf %s/%s.tgz -C %s %s" % (target, name, UPLOADS, safe_name(name)), shell=True, check=True)
    return os.path.join(target, name + ".tgz")


def handle(request):
    action = request.get("action")
    if action == "thumb":
        return {"path": make_thumb(request["file"], request.get("size", "small"))}
    if action == "archive":
        return {"path": archive(request["file"])}
    if action == "delete":
        delete_thumbs(request["file"])
        return {"ok": True}
    return {"error": "unknown action"}
