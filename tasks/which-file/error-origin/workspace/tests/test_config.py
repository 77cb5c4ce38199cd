import json

import pytest

from fetchkit import config
from fetchkit.errors import ConfigError


def test_missing_key(tmp_path):
    p = tmp_path / "c.json"
    p.write_text(json.dumps({"mirrors": []}))
    with pytest.raises(ConfigError):
        config.load(str(p))
