"""The editor (issue 11 item 4): sentences coloured by their own LiNT-II level, the result
checked again as you type (htmx), before and after side by side with both scores, and the
edited letter as a .docx download with a header that no typed text reaches."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import reverse

from doenvermogen.letters import services
from doenvermogen.letters.analysis import FrozenAnalyzer
from doenvermogen.letters.documents import letter_docx, safe_filename
from tests.letters.conftest import FROG_DIR
from tests.letters.fixture_texts import OUDEGRACHT, TEXTS

pytestmark = pytest.mark.django_db


class _Frozen(FrozenAnalyzer):
    """Frog's frozen output through the web's in-process path (no pool needed)."""

    name = "frog-frozen"

    def __init__(self) -> None:
        super().__init__(FROG_DIR)


@pytest.fixture(autouse=True)
def frozen_in_web(settings, monkeypatch):  # type: ignore[no-untyped-def]
    settings.LETTERS_ANALYZER = "simple"
    monkeypatch.setattr(services, "SimpleAnalyzer", _Frozen)


def test_sentences_are_coloured_by_their_own_level(client, world):
    client.force_login(world.pro_a)
    body = client.post(reverse("letters:check"), {"text": OUDEGRACHT}).content.decode()
    # Oudegracht: sentence levels 1, 3 and 4 (tests/letters/test_readability.py).
    for level in (1, 3, 4):
        assert f'<span class="dv-sentence dv-sentence--{level}">' in body
    assert body.count("Moeilijke zin:") == 2  # levels 3 and 4, for screen readers
    assert "Leestijd" in body


def test_typing_updates_the_result_in_place(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        reverse("letters:check"), {"text": OUDEGRACHT}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.startswith('<div id="letter-result">') and "<html" not in body
    page = client.get(reverse("letters:check")).content.decode()
    assert 'hx-trigger="input changed delay:1500ms"' in page
    assert 'hx-target="#letter-result"' in page


def test_before_and_after_side_by_side_with_both_scores(client, world):
    client.force_login(world.pro_a)
    first = client.post(reverse("letters:check"), {"text": OUDEGRACHT})
    form = first.context["form"]
    assert form.initial["original"] == OUDEGRACHT
    first_score = f"{first.context['report'].readability.lint_score:.1f}"
    edited = TEXTS["short"]  # an easier text with frozen Frog output
    second = client.post(
        reverse("letters:check"),
        {
            "text": edited,
            "original": form.initial["original"],
            "original_score": form.initial["original_score"],
        },
    )
    body = second.content.decode()
    assert "Voor en na" in body
    assert (
        f"Origineel: {first_score.replace('.', ',')}" in body or f"Origineel: {first_score}" in body
    )
    assert second.context["editor"]["edited"]
    # A forged score is not shown: the edited text becomes the new original.
    forged = client.post(
        reverse("letters:check"),
        {"text": edited, "original": OUDEGRACHT, "original_score": "1.0|1:forged"},
    )
    assert not forged.context["editor"]["edited"]


def test_docx_download_has_the_text_and_a_safe_header(client, world):
    client.force_login(world.pro_a)
    response = client.post(reverse("letters:docx"), {"text": "Beste Noor,\r\n\r\nBel mij & <kom>."})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="brief.docx"'
    assert "no-store" in response["Cache-Control"]
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "Beste Noor," in xml and "Bel mij &amp; &lt;kom&gt;." in xml
    assert xml.count("<w:p>") == 3


def test_docx_needs_a_signed_in_professional(client, world):
    assert client.post(reverse("letters:docx"), {"text": "x"}).status_code == 302
    client.force_login(world.traj_a.client.user)
    assert client.post(reverse("letters:docx"), {"text": "x"}).status_code == 302


def test_no_typed_text_reaches_a_header():
    name = safe_filename('brief"\r\nSet-Cookie: a=b; ümlaut')
    assert re.fullmatch(r"[A-Za-z0-9_-]+", name)
    assert "\r" not in name and "\n" not in name
    assert safe_filename("\r\n") == "brief"


def test_docx_is_a_word_document():
    with zipfile.ZipFile(io.BytesIO(letter_docx("Een\nTwee"))) as archive:
        assert set(archive.namelist()) == {
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
        }
