"""The citizen service number (BSN): check it (the 11-test) and turn it into a keyed hash.

The number itself is never stored: HMAC-SHA256 with ``settings.BSN_HASH_KEY`` (a plain hash of a
9-digit number is undone by trying all billion numbers; a keyed hash is not without the key).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def bsn_normalise(value: str) -> str:
    return "".join(ch for ch in str(value or "") if ch.isdigit())


def bsn_is_valid(value: str) -> bool:
    """The 11-test (elfproef) for a BSN: 9 digits, weights 9..2 and -1, sum divisible by 11."""
    digits = bsn_normalise(value)
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def bsn_hash(value: str) -> str:
    digits = bsn_normalise(value).zfill(9)
    key = settings.BSN_HASH_KEY.encode()
    return hmac.new(key, digits.encode(), hashlib.sha256).hexdigest()
