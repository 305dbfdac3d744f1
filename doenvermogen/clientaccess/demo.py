"""Demo data: Noor's personal link (valid a year), printed with the demo logins."""

from __future__ import annotations

from doenvermogen.clientaccess.services import client_link_create, client_link_url


def load(demo) -> None:
    noor = demo.trajectories["noor"].client
    _, token = client_link_create(client=noor, author=demo.users["fatima"], days=365)
    demo.logins.append(f"  client Noor, personal link:       {client_link_url(token)}")
