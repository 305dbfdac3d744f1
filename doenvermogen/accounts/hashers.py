"""The password hasher: Argon2id at the parameters OWASP recommends, not Django's heavier ones.

Django's `Argon2PasswordHasher` uses 100 MiB, 2 passes and 8 lanes: 0.3 s of CPU per sign-in on
a quiet two-core server and 0.5-0.8 s under load, during which a sync web worker serves nobody
(issue 14). OWASP's Password Storage Cheat Sheet gives five equivalent minimum settings for
Argon2id; we use the first, m = 19 MiB (19,456 KiB), t = 2, p = 1: about 30 ms of CPU. Sign-in is
further protected by django-axes' lockout, so an attacker online gets a handful of tries, and an
offline attacker of a stolen hash faces 19 MiB of memory per guess.

The algorithm name stays ``argon2``, so existing hashes keep working; Django sees their other
parameters on the next successful sign-in (`must_update`) and stores the password again with
these.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id, m = 19 MiB, t = 2, p = 1 (OWASP Password Storage Cheat Sheet)."""

    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
