"""Measure what a page costs a phone: its HTML plus the CSS and JS it loads, raw and gzipped.

    .venv/bin/python scripts/page_weight.py   # the demo client's own page (needs demo data)

Uses Django's test client against the configured database (run `make run` once, or
`manage.py migrate && manage.py load_demo_data`). Prints one line per resource and the totals.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doenvermogen.settings.dev")


def main() -> int:
    import django

    django.setup()
    from django.contrib.staticfiles import finders
    from django.test import Client

    from doenvermogen.cases.models import Client as CaseClient

    noor = CaseClient.objects.filter(display_name="Noor", user__isnull=False).first()
    if noor is None:
        print("No demo client with an account: open Noor's link once, or load the demo data.")
        return 1
    from doenvermogen.accounts.models import User
    from doenvermogen.clientaccess.services import client_link_create

    browser = Client(HTTP_ACCEPT_LANGUAGE="nl", HTTP_HOST="localhost")
    author = User.objects.filter(kind=User.Kind.STAFF).first()
    _link, token = client_link_create(client=noor, author=author)
    browser.get(f"/l/{token}/")  # a client's session is opened with a personal link
    html = browser.get("/me/").content
    served = browser.get("/me/", HTTP_ACCEPT_ENCODING="gzip")
    print(
        f"/me/ as served to a phone: {len(served.content) / 1024:.1f} KB "
        f"(Content-Encoding: {served.get('Content-Encoding', 'none')})"
    )
    rows = [("/me/ (HTML)", html)]
    for url in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        path = finders.find(url.decode().removeprefix("/static/"))
        rows.append((url.decode(), Path(path).read_bytes()))
    total_raw = total_gz = 0
    for name, data in rows:
        gz = len(gzip.compress(data, 9))
        total_raw += len(data)
        total_gz += gz
        print(f"{name:45} {len(data) / 1024:7.1f} KB  {gz / 1024:6.1f} KB gzipped")
    print(f"{'total':45} {total_raw / 1024:7.1f} KB  {total_gz / 1024:6.1f} KB gzipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
