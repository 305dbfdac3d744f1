"""The team meeting grown up: periods, figures aggregated in SQL, suppression of every cell below
five (page and CSV), the geldrust hook, and the team lead's own teams only."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from doenvermogen.psychoeducation import services, team_meeting
from doenvermogen.psychoeducation.models import GateConversation, Review, Session

pytestmark = pytest.mark.django_db
URL = "psychoeducation:team_meeting"


def _sessions(world, make, strategies, effects, n: int, team=None, helped="yes"):
    """``n`` clients in psycho-education, each reviewed: the strategy helped (or not)."""
    team = team or world.team_a
    for _ in range(n):
        trajectory = make.trajectory(team=team, professional=world.pro_a)
        gate = services.gate_record(
            trajectory=trajectory,
            author=world.pro_a,
            experiences_stress="yes",
            wants_to_talk="yes",
        )
        session = gate.session
        services.effects_recognise(
            session=session, author=world.pro_a, effects=[effects["veel-vergeten"]], own_words=[]
        )
        effect = session.effects.get()
        services.effects_choose(
            session=session,
            author=world.pro_a,
            variant="three",
            chosen=[effect],
            rules_explained=True,
        )
        effect.refresh_from_db()
        strategy = services.strategy_add(
            session=session,
            author=world.pro_a,
            recognised_effect=effect,
            description="",
            catalogue_strategy=strategies["wandelen"],
        )
        services.review_record(
            session=session,
            author=world.pro_a,
            source=Review.Source.CONVERSATION,
            answers=[services.ReviewAnswer(strategy=strategy, used="yes", helped=helped)],
        )


def _csv(client, **params):
    response = client.get(reverse(URL), {"format": "csv", **params})
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def _cell(rows, table, row, column):
    return next(r[3] for r in rows if r[0] == table and r[1] == row and r[2] == column)


def test_a_group_of_four_is_never_shown_on_the_page_or_in_the_csv(
    client, world, make, strategies, effects
):
    _sessions(world, make, strategies, effects, 4)
    client.force_login(world.lead_a)
    rows = _csv(client)
    assert _cell(rows, "Psycho-educatie: de vier stappen", "gestart", "Aantal") == "< 5"
    assert (
        _cell(
            rows,
            "Terugblikken per soort strategie: hielp het?",
            "Activiteiten die stress verlagen",
            "Hielp",
        )
        == "< 5"
    )
    assert not any(r[3] == "4" for r in rows)
    body = client.get(reverse(URL)).content.decode()
    assert "&lt; 5" in body and ">4<" not in body
    _sessions(world, make, strategies, effects, 1)
    rows = _csv(client)
    assert _cell(rows, "Psycho-educatie: de vier stappen", "gestart", "Aantal") == "5"
    assert (
        _cell(
            rows,
            "Terugblikken per soort strategie: hielp het?",
            "Activiteiten die stress verlagen",
            "Hielp",
        )
        == "5"
    )
    assert _cell(rows, "Gekozen strategieën", "Wandelen", "Gekozen") == "5"


def test_a_hidden_cell_cannot_be_computed_back_from_the_total(world):
    assert team_meeting.suppress_with_total([7, 3, 0, 6]) == [7, None, 0, None]
    assert team_meeting.suppress_with_total([7, 3, 2, 6]) == [7, None, None, 6]
    assert team_meeting.suppress_with_total([7, 0, 5]) == [7, 0, 5]


def test_only_the_team_lead_s_own_teams_are_counted(client, world, make, strategies, effects):
    _sessions(world, make, strategies, effects, 6, team=world.team_b)
    client.force_login(world.lead_a)
    rows = _csv(client)
    assert _cell(rows, "Psycho-educatie: de vier stappen", "gestart", "Aantal") == "0"
    for user in (world.pro_a, world.researcher, world.admin):
        client.force_login(user)
        assert client.get(reverse(URL)).status_code == 404


def test_previous_quarter_includes_its_first_moment_and_excludes_the_next(world):
    today = datetime.date(2026, 11, 30)
    period = team_meeting.period_from({"period": "quarter"}, today=today)
    assert (period.start, period.end) == (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    assert period.start_dt == timezone.make_aware(datetime.datetime(2026, 7, 1))
    assert period.end_dt == timezone.make_aware(datetime.datetime(2026, 10, 1))
    january = team_meeting.period_from({"period": "quarter"}, today=datetime.date(2026, 2, 3))
    assert (january.start, january.end) == (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))


def test_period_filters_on_the_moment_itself(client, world, make, strategies, effects):
    _sessions(world, make, strategies, effects, 5)
    today = timezone.localdate()
    start = team_meeting.quarter_start(today)
    inside = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    Session.objects.update(started_at=inside)
    GateConversation.objects.update(asked_at=inside - datetime.timedelta(microseconds=1))
    client.force_login(world.lead_a)
    rows = _csv(client, period="this_quarter")
    assert _cell(rows, "Psycho-educatie: de vier stappen", "gestart", "Aantal") == "5"
    assert _cell(rows, "Gesprekken over stress", "Totaal", "Aantal") == "0"
    rows = _csv(
        client,
        period="custom",
        start=str(start - datetime.timedelta(days=1)),
        end=str(start - datetime.timedelta(days=1)),
    )
    assert _cell(rows, "Gesprekken over stress", "Totaal", "Aantal") == "5"


def test_a_bad_custom_period_gets_a_dutch_message(client, world):
    client.force_login(world.lead_a)
    response = client.get(reverse(URL), {"period": "custom", "start": "2026-13-01", "end": "x"})
    assert response.status_code == 200
    assert "Kies een begindatum en een einddatum" in response.content.decode()


def test_figures_take_the_same_number_of_queries_for_many_rows(
    world, make, strategies, effects, django_assert_max_num_queries
):
    period = team_meeting.period_from({"period": "all"})
    _sessions(world, make, strategies, effects, 2)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        team_meeting.figures(team_ids=[world.team_a.pk], period=period)
    _sessions(world, make, strategies, effects, 8, helped="a_bit")
    with django_assert_max_num_queries(len(few.captured_queries)):
        team_meeting.figures(team_ids=[world.team_a.pk], period=period)


def test_the_money_and_letter_blocks_count_only_the_chosen_period(rf, world):
    """The blocks other apps add (geldrust, letters) count in [start, end) like the page: a
    check made after the previous quarter ended is not in "previous quarter"."""
    from doenvermogen.geldrust.models import MoneyCheck
    from doenvermogen.geldrust.sections import team_meeting as money_block
    from doenvermogen.letters.models import CheckTally
    from doenvermogen.letters.sections import team_meeting as letters_block

    today = timezone.localdate()
    previous = team_meeting.period_from({"period": "quarter"}, today=today)
    inside = previous.start_dt + datetime.timedelta(days=3)
    after = previous.end_dt + datetime.timedelta(hours=1)  # this quarter
    for moment, n in ((inside, 6), (after, 7)):
        for _ in range(n):
            MoneyCheck.objects.create(
                trajectory=world.traj_a,
                year=2026,
                household={},
                result={},
                consent_given=True,
                created_by=world.pro_a,
                created_at=moment,
            )
            CheckTally.objects.create(
                team=world.team_a, day=timezone.localdate(moment), first_level=3, last_level=2
            )
    request = rf.get("/")
    request.user = world.lead_a
    assert money_block(request, previous)["money"].checks == 6
    assert letters_block(request, previous)["checked"] == 6
    assert money_block(request, None)["money"].checks == 13
    assert letters_block(request, None)["checked"] == 13
    this = team_meeting.period_from({"period": "this_quarter"}, today=today)
    assert money_block(request, this)["money"].checks == 7
    assert letters_block(request, this)["checked"] == 7
