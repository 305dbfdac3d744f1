"""A team's standard letters (issue 11 item 5): versions with the checker's figures, the history
of levels, only the team sees them; anonymous tallies of checks and their medians for the team
view; the demo's letter with figures that are what the checker computes."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from doenvermogen.accounts.models import Membership
from doenvermogen.letters import demo as letters_demo
from doenvermogen.letters import services
from doenvermogen.letters.analysis import (
    FrogAnalyzer,
    FrozenAnalyzer,
    SimpleAnalyzer,
    check_letter,
    frog_available,
)
from doenvermogen.letters.models import CheckTally, StandardLetter, StandardLetterVersion
from doenvermogen.letters.selectors import level_history, team_check_counts
from tests.letters.conftest import FROG_DIR
from tests.letters.fixture_texts import TEXTS

pytestmark = pytest.mark.django_db

V1, V2 = letters_demo.VERSION_1, letters_demo.VERSION_2


class _Frozen(FrozenAnalyzer):
    name = "frog-frozen"

    def __init__(self) -> None:
        super().__init__(FROG_DIR)


@pytest.fixture(autouse=True)
def frozen_in_web(settings, monkeypatch):  # type: ignore[no-untyped-def]
    settings.LETTERS_ANALYZER = "simple"
    monkeypatch.setattr(services, "SimpleAnalyzer", _Frozen)


def _create(client, team, text=V1, key="key-create-0001"):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("letters:standard_create"),
        {
            "title": "Herinnering huurachterstand",
            "purpose": "Eerste herinnering",
            "team": team.pk,
            "text": text,
            "change_note": "Eerste versie",
            "idempotency_key": key,
        },
    )


# --- The demo's figures are the checker's --------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1])
def test_demo_figures_are_what_the_checker_computes(index):
    text, _note, _who, _days, stored = letters_demo.VERSIONS[index]
    report = check_letter(text, analyzer=_Frozen())
    assert services.version_figures(report) == stored
    assert stored["lint_level"] == (3, 1)[index]


@pytest.fixture(scope="module")
def real_frog():  # type: ignore[no-untyped-def]
    if not frog_available():
        pytest.skip("Frog is not installed (apt-get install frog frogdata)")
    analyzer = FrogAnalyzer()
    analyzer.process.start()
    yield analyzer
    analyzer.process.close()


@pytest.mark.frog
@pytest.mark.parametrize("index", [0, 1])
def test_demo_figures_with_real_frog(index, real_frog):  # type: ignore[no-untyped-def]
    frog = real_frog
    text, _note, _who, _days, stored = letters_demo.VERSIONS[index]
    assert services.version_figures(check_letter(text, analyzer=frog)) == stored


def test_demo_loads_without_frog_and_only_once(settings, world):
    settings.LETTERS_ANALYZER = "frog"  # the loader must not analyse anything

    class Demo:
        teams = {"debt": world.team_a}
        users = {"sanne": world.pro_a, "fatima": world.lead_a}

    letters_demo.load(Demo())
    letters_demo.load(Demo())
    letter = StandardLetter.objects.get(team=world.team_a, title=letters_demo.TITLE)
    levels = list(letter.versions.order_by("number").values_list("lint_level", flat=True))
    assert levels == [3, 1]
    assert level_history(list(letter.versions.order_by("number"))) == ("van niveau 3 naar niveau 1")
    assert CheckTally.objects.filter(team=world.team_a).count() == len(letters_demo.TALLIES)


# --- Pages and who may see them -------------------------------------------------------------------


def test_create_stores_the_figures_of_the_same_analysis_and_is_idempotent(client, world):
    client.force_login(world.pro_a)
    first = _create(client, world.team_a)
    second = _create(client, world.team_a)  # a double submit
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    letter = StandardLetter.objects.get()
    version = letter.versions.get()
    assert letter.team == world.team_a and letter.created_by == world.pro_a
    assert version.number == 1 and version.created_by == world.pro_a
    stored = letters_demo.VERSIONS[0][4]
    assert (version.lint_score, version.lint_level, version.flesch_douma) == (
        stored["lint_score"],
        stored["lint_level"],
        stored["flesch_douma"],
    )
    assert version.finding_counts == stored["finding_counts"]


def test_save_as_new_version_shows_in_the_history(client, world):
    client.force_login(world.pro_a)
    _create(client, world.team_a)
    letter = StandardLetter.objects.get()
    edit = client.get(reverse("letters:standard_edit", args=[letter.pk, 1]))
    body = edit.content.decode()
    assert edit.status_code == 200
    assert "Bewaar als nieuwe versie" in body and "Kopieer de tekst" in body
    assert "Moeilijke zinnen: zo maak je ze makkelijker" in body  # version 1 is level 3
    key = edit.context["version_form"].initial["idempotency_key"]
    data = {"text": V2.replace("\n", "\r\n"), "change_note": "In B1", "idempotency_key": key}
    url = reverse("letters:standard_version_create", args=[letter.pk])
    saved = client.post(url, data)
    again = client.post(url, data)  # a double submit
    assert saved.status_code == again.status_code == 302
    assert saved["Location"].endswith("#v2")
    assert list(letter.versions.values_list("number", "lint_level")) == [(1, 3), (2, 1)]
    v2 = letter.versions.get(number=2)
    assert v2.text == V2.strip() and v2.created_by == world.pro_a and v2.change_note == "In B1"
    page = client.get(reverse("letters:standard_detail", args=[letter.pk])).content.decode()
    assert "van niveau 3 naar niveau 1" in page
    assert 'id="v2"' in page and "In B1" in page and world.pro_a.name in page
    listing = client.get(reverse("letters:standard_list")).content.decode()
    assert "Herinnering huurachterstand" in listing and "niveau 1" in listing


def test_a_failed_save_keeps_the_text(client, world):
    client.force_login(world.pro_a)
    _create(client, world.team_a)
    letter = StandardLetter.objects.get()
    response = client.post(
        reverse("letters:standard_version_create", args=[letter.pk]),
        {"text": "", "idempotency_key": "key-empty-0001"},
    )
    assert response.status_code == 200
    assert letter.versions.count() == 1


def test_only_the_team_and_its_lead_see_and_edit(client, world, make):
    client.force_login(world.pro_a)
    _create(client, world.team_a)
    letter = StandardLetter.objects.get()
    urls = [
        reverse("letters:standard_detail", args=[letter.pk]),
        reverse("letters:standard_edit", args=[letter.pk, 1]),
    ]
    client.force_login(world.lead_a)  # team lead of team A
    for url in urls:
        assert client.get(url).status_code == 200
    for outsider in (world.pro_b, world.researcher, world.admin):
        client.force_login(outsider)
        for url in urls:
            assert client.get(url).status_code == 404
        saved = client.post(
            reverse("letters:standard_version_create", args=[letter.pk]),
            {"text": V2, "idempotency_key": "key-outsider-01"},
        )
        assert saved.status_code == 404
        assert "Herinnering" not in client.get(reverse("letters:standard_list")).content.decode()
    assert letter.versions.count() == 1
    # Without a team nobody can add one (403); a client is sent to their own page.
    client.force_login(world.researcher)
    assert client.get(reverse("letters:standard_create")).status_code == 403
    client.force_login(world.traj_a.client.user)
    assert client.get(urls[0]).status_code == 302


def test_a_client_s_details_are_warned_about_not_refused(client, world, monkeypatch):
    class WithFallback(FrozenAnalyzer):
        name = "frog-frozen"

        def __init__(self) -> None:
            super().__init__(FROG_DIR, fallback=SimpleAnalyzer())

    monkeypatch.setattr(services, "SimpleAnalyzer", WithFallback)
    client.force_login(world.pro_a)
    text = V1.replace("Geachte heer/mevrouw [naam]", "Geachte mevrouw Jansen")
    response = _create(client, world.team_a, text=text, key="key-create-0002")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "lijkt gegevens van een cliënt te bevatten" in page
    assert "(een naam)" in page
    assert services.personal_data_hints(V2) == []  # placeholders and the organisation's IBAN
    assert services.personal_data_hints("BSN: 123456782, geboren op 1 mei 1980") == [
        "een BSN",
        "een geboortedatum",
    ]


# --- Anonymous tallies and the team view ----------------------------------------------------------


def test_a_check_stores_only_a_tally_updated_through_the_editing_session(client, world):
    client.force_login(world.pro_a)
    first = client.post(reverse("letters:check"), {"text": V1})
    tally = CheckTally.objects.get()
    assert (tally.team, tally.first_level, tally.last_level) == (world.team_a, 3, 3)
    form = first.context["form"]
    client.post(
        reverse("letters:check"),
        {
            "text": V2,
            "original": form.initial["original"],
            "original_score": form.initial["original_score"],
        },
        headers={"HX-Request": "true"},
    )
    tally.refresh_from_db()
    assert CheckTally.objects.count() == 1
    assert (tally.first_level, tally.last_level) == (3, 1)
    # A forged state starts a new session instead of touching a tally.
    client.post(
        reverse("letters:check"),
        {"text": V2, "original": V1, "original_score": "3|3|999:forged"},
    )
    assert CheckTally.objects.count() == 2
    fields = {f.name for f in CheckTally._meta.get_fields()}
    assert fields == {"id", "team", "day", "first_level", "last_level"}


def test_team_check_counts_with_hand_computed_medians(world):
    today = timezone.localdate()
    old = today - datetime.timedelta(days=100)
    rows = [(3, 2), (4, 2), (3, 1), (2, 1), (4, 3), (3, 1)]  # firsts 2,3,3,3,4,4; lasts 1,1,1,2,2,3
    for first, last in rows:
        CheckTally.objects.create(team=world.team_a, day=today, first_level=first, last_level=last)
    CheckTally.objects.create(team=world.team_a, day=old, first_level=4, last_level=4)
    CheckTally.objects.create(team=world.team_b, day=today, first_level=1, last_level=1)
    since = timezone.now() - datetime.timedelta(days=30)
    counts = team_check_counts(team_ids={world.team_a.pk}, since=since)
    # Lower median of six values: the third. firsts sorted 2,3,3,3,4,4 -> 3; lasts 1,1,1,2,2,3 -> 1.
    assert counts == {"checked": 6, "median_before": 3, "median_after": 1}
    assert team_check_counts(team_ids={world.team_a.pk, world.team_b.pk}, since=since) == {
        "checked": 7,
        "median_before": 3,
        "median_after": 1,
    }
    assert team_check_counts(team_ids=set(), since=since) == {
        "checked": 0,
        "median_before": None,
        "median_after": None,
    }


def test_the_team_meeting_shows_the_counts_and_hides_small_groups(client, world):
    today = timezone.localdate()
    for first, last in [(3, 1), (3, 2), (4, 2)]:
        CheckTally.objects.create(team=world.team_a, day=today, first_level=first, last_level=last)
    client.force_login(world.lead_a)
    url = reverse("psychoeducation:team_meeting")
    page = client.get(url).content.decode()
    assert "Gecontroleerde brieven (briefchecker)" in page
    assert "minder dan 5" in page and "tonen we de niveaus niet" in page
    for first, last in [(3, 1), (2, 1)]:
        CheckTally.objects.create(team=world.team_a, day=today, first_level=first, last_level=last)
    page = client.get(url).content.decode()
    # firsts 2,3,3,3,4 -> 3; lasts 1,1,1,2,2 -> 1
    assert "<dt>Brieven gecontroleerd</dt><dd>5</dd>" in page
    assert "bij de eerste controle</dt><dd>3</dd>" in page
    assert "na het bewerken</dt><dd>1</dd>" in page
    # The self-scan's evidence reads the same hook.
    from doenvermogen.selfscan.evidence import evidence_for

    since = timezone.now() - datetime.timedelta(days=1)
    assert "5" in evidence_for(team_ids={world.team_a.pk}, since=since)["written_communication"]
    assert Membership.objects.filter(user=world.lead_a, role="team_lead").exists()


def test_a_version_number_is_unique_per_letter(world):
    letter = services.standard_letter_create(
        team=world.team_a,
        author=world.pro_a,
        title="T",
        purpose="",
        text=TEXTS["short"],
        figures={"lint_level": 1},
    )
    v2 = services.standard_letter_version_create(
        letter=letter, author=world.pro_a, text="x", figures={}
    )
    assert v2.number == 2 and StandardLetterVersion.objects.filter(letter=letter).count() == 2


def test_a_polled_result_hands_the_editor_state_back_out_of_band(client, world, monkeypatch):
    """A check that took longer comes back through the poll: its first score and tally go to the
    form out of band (htmx), so the next live check continues that session instead of counting
    a new letter."""
    client.force_login(world.pro_a)
    prepared = services.letter_check_start(text=V1, wait=0)
    monkeypatch.setattr(services, "letter_check_result", lambda **kw: prepared)
    session = client.session
    session["letters_jobs"] = ["job-1"]
    session.save()
    body = client.get(
        reverse("letters:result", args=["job-1"]), headers={"HX-Request": "true"}
    ).content.decode()
    assert 'id="id_original_score" hx-swap-oob="true"' in body
    assert CheckTally.objects.count() == 1
    token = re.search(r'name="original_score" value="([^"]+)"', body).group(1)
    client.post(
        reverse("letters:check"),
        {"text": V2, "original": V1.strip(), "original_score": token},
        headers={"HX-Request": "true"},
    )
    tally = CheckTally.objects.get()
    assert (tally.first_level, tally.last_level) == (3, 1)
