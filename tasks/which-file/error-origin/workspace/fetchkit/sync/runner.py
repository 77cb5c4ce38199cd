from fetchkit.cache import manifest as manifest_cache
from fetchkit.sync import local, lock, remote


def sync_all(cfg):
    with lock.held(cfg["dest"]):
        local.check_index(cfg)
        for url in cfg["mirrors"]:
            cached = manifest_cache.load(cfg["dest"], url)
            fresh = remote.fetch_manifest(url, cfg["max_manifest_age"])
            manifest_cache.store(cfg["dest"], url, fresh)
            remote.download_missing(url, fresh, cached, cfg["dest"])
