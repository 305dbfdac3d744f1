"""Psycho-education speaks Dutch: a complete catalogue, and Dutch client pages by default."""

from __future__ import annotations

import ast
import datetime
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from doenvermogen.psychoeducation import services

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "doenvermogen/psychoeducation/locale/nl/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def po_entries(path: Path) -> list[dict]:
    """Every entry of a .po file (obsolete `#~` entries left out), with its flags and first line.

    An entry without a msgstr (for example one cut in two by a blank line) counts as empty.
    """
    entries: list[dict] = []
    entry: dict = {}
    key = ""

    def close() -> None:
        nonlocal entry
        if "msgid" in entry:
            entries.append(entry)
        entry = {}

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:  # a blank line ends an entry
            close()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if any(k.startswith("msgstr") for k in entry):  # a comment opens the next entry
                close()
            entry.setdefault("line", number)
            if line.startswith("#,"):
                entry.setdefault("flags", set()).update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith('"'):
            entry[key] += ast.literal_eval(line)
            continue
        key, _, value = line.partition(" ")
        if key in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
            close()  # the next entry starts without a comment
        entry.setdefault("line", number)
        entry[key] = ast.literal_eval(value)
    close()
    return entries


def test_the_dutch_catalogue_exists_and_has_entries():
    entries = [e for e in po_entries(CATALOGUE) if e["msgid"]]
    assert len(entries) > 100, "Run makemessages -l nl in doenvermogen/psychoeducation"


def test_no_msgstr_is_empty_or_fuzzy_and_placeholders_match():
    problems = []
    for entry in po_entries(CATALOGUE):
        where = f"django.po:{entry['line']}"
        if "fuzzy" in entry.get("flags", set()):
            problems.append(f"{where} fuzzy: {entry['msgid'][:60]!r}")
        if entry["msgid"] == "":  # the header
            continue
        translations = {k: v for k, v in entry.items() if k.startswith("msgstr")}
        if "msgid_plural" in entry and set(translations) != {"msgstr[0]", "msgstr[1]"}:
            problems.append(f"{where} needs msgstr[0] and msgstr[1]: {entry['msgid'][:60]!r}")
        if not translations or any(not text.strip() for text in translations.values()):
            problems.append(f"{where} empty msgstr: {entry['msgid'][:60]!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(entry["msgid"]))
        wanted_plural = sorted(PLACEHOLDER.findall(entry.get("msgid_plural", entry["msgid"])))
        for key, text in translations.items():
            expected = wanted if key in ("msgstr", "msgstr[0]") else wanted_plural
            # msgstr[0] may leave out a count ("één keer"), but never add or rename one.
            found = sorted(PLACEHOLDER.findall(text))
            if found != expected and not (key == "msgstr[0]" and set(found) < set(expected)):
                problems.append(f"{where} placeholders differ in {key}: {entry['msgid'][:60]!r}")
    assert not problems, "Fill in or fix these Dutch translations:\n" + "\n".join(problems)


def test_the_parser_sees_empty_and_fuzzy_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: nl\\n"\n\n'
        '#, fuzzy, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo %(name)s"\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        'msgid "Split"\n\nmsgstr "Gesplitst"\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    entries = po_entries(po)
    assert [e["msgid"] for e in entries] == ["", "Hello %(name)s", "Empty", "Split"]
    assert "fuzzy" in entries[1]["flags"] and entries[2]["msgstr"] == ""
    assert "msgstr" not in entries[3]  # cut in two by a blank line: counts as empty


@pytest.mark.django_db
def test_step_two_is_dutch_by_default(client, world, session):
    services.session_explained(session=session, author=world.pro_a)
    client.force_login(world.pro_a)
    body = client.get(reverse("psychoeducation:recognise", args=[session.pk])).content.decode()
    assert '<html lang="nl"' in body
    assert "Wat herken je bij jezelf?" in body
    assert "Kruis aan wat bij je past. Iets anders? Schrijf het op in je eigen woorden." in body
    assert "Verder: kies waar je aan wilt werken" in body
    assert "Voor de professional" in body
    assert "2. Wat herken je?" in body  # the steps of the conversation
    assert "What do you recognise" not in body and "For the professional" not in body


@pytest.fixture
def shared_session(chosen_session, world):
    chosen = chosen_session.effects.get(effect__code="veel-vergeten")
    services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=chosen,
        description="Ik schrijf mijn afspraken in een agenda",
        if_part="het zaterdagochtend is",
        then_part="open ik samen met mijn moeder de post",
        steps=["Agenda kopen"],
    )
    services.strategies_done(session=chosen_session, author=world.pro_a)
    services.session_share(
        session=chosen_session, author=world.pro_a, next_review_on=datetime.date(2099, 2, 1)
    )
    return chosen_session


@pytest.mark.django_db
def test_clients_own_page_is_dutch_by_default(client, world, shared_session):
    client.force_login(world.traj_a.client.user)
    body = client.get(reverse("cases:my_page")).content.decode()
    assert '<html lang="nl"' in body
    assert "Mijn plan" in body
    assert "Dit herken ik bij mezelf:" in body
    assert "Als het zaterdagochtend is, dan open ik samen met mijn moeder de post." in body
    assert "We kijken samen terug op 1 februari." in body
    assert "Hoe gaat het? Laat het ons weten" in body
    assert "Zakkaartje om te printen" in body and "Mijn praatplaat om te printen" in body
    assert "My plan" not in body and "look back together" not in body


@pytest.mark.django_db
def test_client_review_and_pocket_card_are_dutch(client, world, shared_session):
    client.force_login(world.traj_a.client.user)
    url = reverse("psychoeducation:client_review", args=[shared_session.pk])
    body = client.get(url).content.decode()
    assert "Hoe gaat het?" in body
    assert "Heb je het gedaan?" in body and "Heeft het geholpen?" in body
    assert "een beetje" in body and "Versturen" in body
    assert "Did it help?" not in body
    response = client.get(reverse("psychoeducation:pocket_card_pdf", args=[shared_session.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Wat mij helpt (Noor)" in text
    assert "Als het zaterdagochtend is, dan open ik samen met mijn moeder de post." in text
