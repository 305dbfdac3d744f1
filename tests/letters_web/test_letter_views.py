"""The letter checker's web page and JSON API (the engine itself is tested in tests/letters)."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.urls import reverse

from doenvermogen.letters.analysis import frog_available

pytestmark = pytest.mark.django_db

HARSH = (
    "Geachte heer/mevrouw,\n\nIndien u niet binnen 14 dagen betaalt, wordt de vordering uit "
    "handen gegeven aan de deurwaarder. Vergeet niet de incassokosten te betalen! Dit dient te "
    "geschieden ten behoeve van uw dossier.\n\nHoogachtend,\nAfdeling Debiteuren"
)
KIND = (
    "Beste Noor,\n\nWil je mij vóór vrijdag 5 december bellen? Dan maken we samen een plan. "
    "Lukt betalen nu niet? Dat is geen probleem. Bel mij, dan zoeken we samen een oplossing.\n\n"
    "Groet,\nFatima Bakker\nTelefoon 06-12345678"
)


@pytest.fixture(autouse=True)
def simple_analyzer(settings):
    settings.LETTERS_ANALYZER = "simple"


def test_page_shows_findings_inline_and_east(client, world):
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:check"), {"text": HARSH})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="dv-letter__mark dv-letter__mark--officialese"' in body
    linked = re.findall(r'href="#f(\d+)"', body)
    assert linked and all(f'id="f{n}"' in body for n in linked)
    assert "deurwaarder" in body
    for part in ("easy", "attractive", "social", "timely"):
        assert part in response.context["report"].east
    codes = {item["finding"].code for item in response.context["findings"]}
    assert {"officialese", "threat_without_way_out", "negative_framing"} <= codes
    assert "Indien" in body  # the pasted text stays in the form


def test_empty_and_non_dutch_text_get_a_plain_message(client, world):
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:check"), {"text": "   "})
    assert response.status_code == 200 and response.context["form"].errors
    english = "Dear customer, please pay the invoice within fourteen days. " * 5
    response = client.post(reverse("letters:check"), {"text": english})
    errors = " ".join(response.context["form"].errors.get("text", []))
    assert "Nederlands" in errors
    assert english.strip()[:40] in response.content.decode()  # kept what was typed


def test_upload_txt_and_docx(client, world):
    client.force_login(world.pro_a)
    txt = io.BytesIO(KIND.encode("utf-8"))
    txt.name = "brief.txt"
    response = client.post(reverse("letters:check"), {"upload": txt})
    assert response.status_code == 200 and response.context["report"].words > 20

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body>"
            + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in KIND.split("\n"))
            + "</w:body></w:document>",
        )
    buf.seek(0)
    buf.name = "brief.docx"
    response = client.post(reverse("letters:check"), {"upload": buf})
    assert response.status_code == 200 and "Fatima Bakker" in response.content.decode()


def test_broken_or_wrong_uploads_are_refused_with_a_reason(client, world):
    client.force_login(world.pro_a)
    fake = io.BytesIO(b"\x00\x01\x02 not a docx")
    fake.name = "brief.docx"
    response = client.post(reverse("letters:check"), {"upload": fake})
    assert response.status_code == 200
    assert response.context["form"].errors.get("upload")
    exe = io.BytesIO(b"MZ....")
    exe.name = "virus.exe"
    response = client.post(reverse("letters:check"), {"upload": exe})
    assert ".docx" in " ".join(response.context["form"].errors["upload"])


def test_clients_cannot_use_the_checker(client, world):
    client.force_login(world.traj_a.client.user)
    assert client.get(reverse("letters:check")).status_code == 302


def test_api_json_shape(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        reverse("letters:api_check"), json.dumps({"text": HARSH}), content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"file", "words", "sentences", "readability", "findings", "east", "notices"}
    assert set(data["readability"]) >= {"lint_score", "lint_level", "features", "flesch_douma"}
    finding = data["findings"][0]
    assert set(finding) == {
        "code",
        "severity",
        "message",
        "suggestion",
        "sentence_index",
        "start",
        "end",
    }
    assert set(data["east"]) == {"easy", "attractive", "social", "timely"}
    assert all({"ok", "advice"} <= set(v) for v in data["east"].values())


def test_api_errors(client, world, settings):
    url = reverse("letters:api_check")
    assert client.post(url, "{}", content_type="application/json").status_code == 401
    settings.LETTERS_API_TOKENS = ["secret-token"]
    headers = {"Authorization": "Bearer secret-token"}
    response = client.post(url, "{bad", content_type="application/json", headers=headers)
    assert response.status_code == 400
    response = client.post(
        url, json.dumps({"text": ""}), content_type="application/json", headers=headers
    )
    assert response.status_code == 422 and response.json()["error"]["code"] == "empty"
    response = client.post(
        url, json.dumps({"text": KIND}), content_type="application/json", headers=headers
    )
    assert response.status_code == 200
    wrong = {"Authorization": "Bearer nope"}
    assert (
        client.post(
            url, json.dumps({"text": KIND}), content_type="application/json", headers=wrong
        ).status_code
        == 401
    )


def test_openapi_document_describes_the_report(client):
    """The old address leads to the API's one OpenAPI document, which describes the report."""
    response = client.get(reverse("letters:api_openapi"))
    assert response.status_code == 302
    doc = client.get(response["Location"]).json()
    assert doc["openapi"].startswith("3.")
    assert "/letters/api/check" in doc["paths"] and "/api/v1/letters/checks/" in doc["paths"]
    assert doc["paths"]["/letters/api/check"]["post"]["deprecated"] is True
    report = doc["components"]["schemas"]["LetterReport"]
    assert (
        "threat_without_way_out"
        in report["properties"]["findings"]["items"]["properties"]["code"]["enum"]
    )


@pytest.mark.frog
@pytest.mark.skipif(not frog_available(), reason="Frog (Debian package frog) is not installed")
def test_page_with_real_frog(client, world, settings, real_pool):
    settings.LETTERS_ANALYZER = "frog"
    settings.LETTERS_POOL_ADDRESS = real_pool
    settings.LETTERS_POOL_AUTOSTART = False
    settings.LETTERS_WAIT_SECONDS = 45  # the first check waits for Frog to start
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:check"), {"text": HARSH})
    report = response.context["report"]
    assert report.analyzer == "frog" and report.readability.lint_level is not None
    assert any(f.code == "passive" for f in report.findings)
