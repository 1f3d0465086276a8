"""Text from files made safe to keep: every string Tilpass stores, prints or shows can be encoded as UTF-8."""
from __future__ import annotations

import re

_SURROGATES = re.compile("[\ud800-\udfff]")


def text_only(value: str) -> str:
    """value with each lone surrogate (from an escape such as \\U+D800 or \\ud800, or bytes read with
    surrogateescape) replaced by U+FFFD, one for one."""
    return _SURROGATES.sub("\ufffd", value)
