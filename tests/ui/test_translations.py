"""Dutch first: every catalogue is complete; pages speak Dutch unless one asks for English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.urls import reverse

from doenvermogen.clientaccess import services

ROOT = Path(__file__).resolve().parents[2]
FOUNDATION_APPS = ["accounts", "cases", "audit", "ui"]
CATALOGUES = sorted(ROOT.glob("doenvermogen/*/locale/nl/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]|\{(\w*)\}")


def _entries(path: Path) -> list[dict]:
    """The entries of a .po file: msgid, msgstr(s), flags and the line where they start."""
    entries: list[dict] = []
    entry: dict = {}
    key = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line:
            if entry:
                entries.append(entry)
            entry, key = {}, None
            continue
        if line.startswith("#~"):  # obsolete entries do not count
            continue
        entry.setdefault("line", number)
        if line.startswith("#,"):
            entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            if key.startswith("msgid") and "msgid" in entry and key == "msgid":
                entries.append(entry)
                entry = {"line": number}
            entry[key] = ast.literal_eval(value)
    if entry:
        entries.append(entry)
    return [e for e in entries if "msgid" in e]


def test_every_foundation_app_has_a_dutch_catalogue():
    found = {path.parts[-5] for path in CATALOGUES}
    assert set(FOUNDATION_APPS) <= found, f"No Dutch catalogue: {set(FOUNDATION_APPS) - found}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_is_complete_and_not_fuzzy(path):
    problems = []
    for entry in _entries(path):
        where = f"{path.relative_to(ROOT)}:{entry['line']}"
        if "fuzzy" in entry.get("flags", set()):
            problems.append(f"{where} fuzzy: {entry['msgid'][:60]!r}")
        if entry["msgid"] == "":
            continue
        translations = [v for k, v in entry.items() if k.startswith("msgstr")]
        if not translations or any(not t.strip() for t in translations):
            problems.append(f"{where} empty msgstr: {entry['msgid'][:60]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for text in translations:
            if set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{where} placeholders differ: {entry['msgid'][:60]!r}")
    assert not problems, "Fill in or fix these Dutch translations:\n" + "\n".join(problems)


def test_compiled_catalogues_are_up_to_date():
    stale = [
        str(path.relative_to(ROOT))
        for path in CATALOGUES
        if not path.with_suffix(".mo").exists()
        or path.with_suffix(".mo").stat().st_mtime < path.stat().st_mtime
    ]
    assert not stale, f"Run `make messages`; not compiled (or older than the .po): {stale}"


@pytest.mark.django_db
def test_clients_own_page_is_dutch_by_default(client, world):
    _, token = services.client_link_create(client=world.traj_a.client, author=world.pro_a)
    client.get(reverse("accounts:client_link", args=[token]))
    body = client.get(reverse("cases:my_page")).content.decode()
    assert '<html lang="nl"' in body
    assert "Hallo Noor" in body
    assert "Dit is je eigen pagina." in body
    assert "Naar de inhoud" in body  # the skip link


@pytest.mark.django_db
def test_professional_pages_are_dutch_and_switch_to_english(client, world):
    client.force_login(world.pro_a)
    body = client.get(reverse("cases:my_clients")).content.decode()
    assert "Mijn cliënten" in body and "Zoek op naam of team" in body
    client.post(reverse("set_language"), {"language": "en", "next": reverse("cases:my_clients")})
    body = client.get(reverse("cases:my_clients")).content.decode()
    assert '<html lang="en"' in body and "My clients" in body
