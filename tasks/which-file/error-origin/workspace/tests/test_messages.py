from fetchkit import messages as msg


def test_stale_manifest_format():
    assert msg.STALE_MANIFEST.format(age=10, limit=5) == "remote manifest is stale (age 10s > 5s)"
