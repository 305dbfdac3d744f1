"""Every URL pattern, from the URL resolver, for every role: the answer and the access-log rows.

The patterns come from ``get_resolver()`` (not a hand list); their parameters are filled with the
ids of real objects of the own team (team A, client Noor) or of another team (team B, client
Karel). For each role the test asserts:

- never a 500, never the other team's client on the page;
- an allowed page view of client data writes exactly one row, about that client;
- a refused object writes exactly one ``denied`` row with the id of the client it belongs to, and
  answers 404 (so its existence is not revealed);
- a refusal by the kind of user (a client on a staff page, anyone but an administrator on the
  access log, anyone signed out) writes nothing and redirects (or answers 403).

A new pattern fails ``test_every_pattern_is_classified`` until it is given an audience below or
is listed as exempt with the reason why it is not about one client.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases import services as case_services
from doenvermogen.clientaccess import services as account_services
from doenvermogen.geldrust import services as money_services
from doenvermogen.goals import services as goal_services
from doenvermogen.psychoeducation import services as pe_services
from doenvermogen.psychoeducation.models import StressEffect
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Delivery
from doenvermogen.research import services as research_services
from doenvermogen.research.catalogues import load as load_instruments
from doenvermogen.research.models import Instrument

pytestmark = pytest.mark.django_db

# Who may use a pattern about one client's data (besides being allowed to see that client).
STAFF, CLIENT, BOTH, ADMIN = "staff", "client", "both", "admin"
AUDIENCE = {
    "accounts:client_link_create": STAFF,
    "accounts:client_link_show": STAFF,
    "accounts:client_link_revoke": STAFF,
    "cases:trajectory_detail": STAFF,
    "cases:involvement_set": STAFF,
    "cases:consent_record": STAFF,
    "cases:consent_withdraw": STAFF,
    "cases:my_page": CLIENT,
    "cases:my_access_history": CLIENT,
    "psychoeducation:gate": STAFF,
    "psychoeducation:start_despite_threat": STAFF,
    "psychoeducation:explain": STAFF,
    "psychoeducation:recognise": STAFF,
    "psychoeducation:choose": STAFF,
    "psychoeducation:strategies": STAFF,
    "psychoeducation:strategies_done": STAFF,
    "psychoeducation:strategy_remove": STAFF,
    "psychoeducation:strategy_edit": STAFF,
    "psychoeducation:summary": STAFF,
    "psychoeducation:review": STAFF,
    "psychoeducation:stop": STAFF,
    "psychoeducation:step_tick": BOTH,
    "psychoeducation:strategy_reminders_ics": BOTH,
    "psychoeducation:chart_pdf": BOTH,
    "psychoeducation:pocket_card_pdf": BOTH,
    "psychoeducation:client_stop": CLIENT,
    "psychoeducation:client_review": CLIENT,
    "goals:plan_list": STAFF,
    "goals:skills_check": STAFF,
    "goals:plan_detail": STAFF,
    "goals:reward_given": STAFF,
    "goals:step_done": BOTH,
    "goals:step_archive": STAFF,
    "reminders:trajectory_reminders": STAFF,
    "reminders:trajectory_feed_create": STAFF,
    "reminders:trajectory_feed_revoke": STAFF,
    "reminders:appointment_cancel": STAFF,
    "reminders:appointment_move": STAFF,
    "reminders:reminder_cancel": STAFF,
    "reminders:delivery_retry": STAFF,
    "reminders:my_calendar": CLIENT,
    "reminders:my_feed_create": CLIENT,
    "reminders:my_feed_revoke": CLIENT,
    "reminders:appointment_move_request": CLIENT,
    "audit:export": ADMIN,
    "research:enrol": STAFF,
    "research:open_post": STAFF,
    "research:measurement_professional": STAFF,
    "research:measurement_client": CLIENT,
    "sso:digid_link": STAFF,
    "privacy:trajectory_end": STAFF,
    "privacy:client_data_json": STAFF,
    "privacy:client_data_pdf": STAFF,
    "privacy:my_data_json": CLIENT,
    "privacy:my_data_pdf": CLIENT,
    "privacy:administrator_client_data_json": ADMIN,
    "privacy:administrator_client_data_pdf": ADMIN,
    "geldrust:check_trajectory": STAFF,
    "geldrust:check_detail": STAFF,
    "geldrust:check_print": STAFF,
    "geldrust:outcome_step": STAFF,
    "geldrust:outcome_record": BOTH,
    "geldrust:check_own": CLIENT,
    "geldrust:my_check": CLIENT,
    "geldrust:my_check_print": CLIENT,
}

EXEMPT = {
    "home": "sends each kind of user on; shows no client",
    "ui:home": "the same page as home",
    "accounts:login": "sign-in form",
    "accounts:logout": "sign-out",
    "accounts:client_link": "a secret token instead of a user: test_token_urls",
    "reminders:calendar_feed": "a secret token instead of a user: test_token_urls",
    "cases:my_clients": "a list: one row per client shown, test_lists_write_one_row_per_client",
    "cases:client_new": "a form for a client who does not exist yet",
    "psychoeducation:team_meeting": "counts for a team lead, no client (tests/psychoeducation)",
    "psychoeducation:opening_phrase": "a sentence with the typed behaviour, no client data",
    "psychoeducation:blank_chart_pdf": "empty charts to print, no client data",
    "letters:check": "letters of the organisation, not of a client (tests/letters_web)",
    "letters:api_check": "the same for the API (tests/letters_web)",
    "letters:api_openapi": "the API description",
    "letters:result": "a running check, only for the session that started it (tests/letters_web)",
    "letters:docx": "the letter being edited as .docx, nothing stored (tests/letters_web)",
    "letters:standard_list": "a team's standard letters, templates without client data "
    "(tests/letters_web/test_standard_letters.py)",
    "letters:standard_create": "a form for a team's template, no client data",
    "letters:standard_detail": "a team's template: members and lead only, others 404 "
    "(tests/letters_web/test_standard_letters.py)",
    "letters:standard_edit": "a template version in the editor, team only (tests/letters_web)",
    "letters:standard_version_create": "save a template version, team only (tests/letters_web)",
    "audit:search": "administrators search by name: one list row per client found",
    "set_language": "the language switch",
    "ui:favicon": "the site's icon",
    "knowledge:index": "knowledge pages for professionals, no client data (tests/knowledge)",
    "knowledge:page": "knowledge pages for professionals, no client data (tests/knowledge)",
    "accounts:client_email_link": "a signed token instead of a user: test_client_email_links",
    "research:home": "researchers: studies and instruments, no client (tests/research)",
    "research:study": "researchers: paired counts of five or more, no client (tests/research)",
    "research:export": "anonymised: one research.export row per client exported (tests/research)",
    "logout_sso": "sign-out (also at the identity provider)",
    "sso:start": "goes to the identity provider; no user yet (tests/sso)",
    "sso:callback": "the identity provider's answer; no user yet (tests/sso)",
    "sso:client_sign_in": "the DigiD button for clients, before signing in",
    "sso:providers": "administrators switch sign-in services on or off; no client",
    "privacy:register": "the register of processing; no client",
    "geldrust:check": "the anonymous money check: nothing about a client, nothing kept",
    "geldrust:check_print_anonymous": "the printout of an anonymous check",
    "geldrust:screening": "three questions; counts per team only, no client",
    "geldrust:team": "counts for a team lead, small groups suppressed (tests/geldrust)",
    "geldrust:api_check": "the check as an API: no client, nothing kept (tests/geldrust)",
    "geldrust:api_openapi": "the API description",
}
EXEMPT_NAMESPACES = {
    "admin": "Django's admin: superusers only; no client records are registered there",
    "rooms": "consultation rooms: no client data; organisation and team scope in tests/rooms",
    "selfscan": "the team's self-scan and one's own check-in, no client (tests/selfscan)",
    "api": "token authentication, not a session: tests/api (same access_* selectors)",
}

ROLES = ["anonymous", "client_a", "pro_a", "pro_b", "lead_a", "researcher", "admin"]


@dataclass(frozen=True)
class Pattern:
    name: str
    route: str
    params: tuple[str, ...]


def _walk(patterns, namespace: str = "", route: str = "") -> Iterator[Pattern]:
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p.url_patterns, ns, route + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield Pattern(
                f"{namespace}{p.name}", route + str(p.pattern), tuple(p.pattern.converters)
            )


def all_patterns() -> list[Pattern]:
    return list(_walk(get_resolver().url_patterns))


def _exempt(pattern: Pattern) -> bool:
    return pattern.name in EXEMPT or pattern.name.split(":")[0] in EXEMPT_NAMESPACES


def test_every_pattern_is_classified():
    names = {p.name for p in all_patterns() if not _exempt(p)}
    assert names - set(AUDIENCE) == set(), "give these patterns an AUDIENCE or an EXEMPT reason"
    assert set(AUDIENCE) - names == set(), "these patterns no longer exist"


# --- The objects: everything a client can have, for a client of team A and one of team B --------


def _client_world(traj, pro, effect) -> dict:
    """Every kind of object for one trajectory, with the client's consents and a shared plan."""
    client = traj.client
    for purpose in ("psychoeducation", "reminders"):
        case_services.consent_record(client=client, author=pro, purpose=purpose, trajectory=traj)
    consent = client.consents.first()
    link, token = account_services.client_link_create(client=client, author=pro)
    gate = pe_services.gate_record(
        trajectory=traj, author=pro, experiences_stress="yes", wants_to_talk="yes"
    )
    session = gate.session
    pe_services.session_explained(session=session, author=pro)
    pe_services.effects_recognise(session=session, author=pro, effects=[effect])
    pe_services.effects_choose(
        session=session,
        author=pro,
        variant="one",
        chosen=[session.effects.get()],
        rules_explained=True,
    )
    recognised = session.effects.get()
    moment = timezone.now() + datetime.timedelta(days=2)
    strategy = pe_services.strategy_add(
        session=session,
        author=pro,
        recognised_effect=recognised,
        description="Wekker zetten",
        steps=["Wekker kopen"],
        reminder=pe_services.ReminderRequest(first_at=moment),
    )
    pe_services.strategies_done(session=session, author=pro)
    pe_services.session_share(session=session, author=pro)
    plan = goal_services.goal_plan_create(trajectory=traj, author=pro, goal="Post openen")
    step = goal_services.step_add(plan=plan, author=pro, text="Envelop openen")
    reward = goal_services.reward_add(plan=plan, author=pro, what="Taart", earned_when="Klaar")
    appointment = reminder_services.appointment_create(
        trajectory=traj, author=pro, starts_at=moment + datetime.timedelta(days=1), place="Kantoor"
    )
    reminder = reminder_services.reminder_create(
        trajectory=traj, author=pro, title="Post", starts_at=moment
    )
    delivery = Delivery.objects.filter(reminder=reminder).first()
    _feed, feed_token = reminder_services.calendar_feed_create(client=client, author=pro)
    case_services.consent_record(client=client, author=pro, purpose="research", trajectory=traj)
    if not Instrument.objects.filter(organisation=None, code="stress_thermometer").exists():
        load_instruments(Instrument)  # a transaction test before this one flushed the catalogue
    instrument = Instrument.objects.get(organisation=None, code="stress_thermometer")
    study = research_services.study_create(
        organisation=traj.organisation, author=pro, name="Studie", instrument_list=[instrument]
    )
    participant = research_services.participant_enrol(study=study, trajectory=traj, author=pro)
    money_check = money_services.money_check_create(
        trajectory=traj,
        author=pro,
        household={"year": 2026, "adults": [{"age": 35, "income_year": 20000, "wealth": 0}]},
        consent=True,
    )
    return {
        "client": client,
        "ids": {
            "trajectory_id": traj.pk,
            "client_id": client.pk,
            "consent_id": consent.pk,
            "link_id": link.pk,
            "gate_id": gate.pk,
            "session_id": session.pk,
            "strategy_id": strategy.pk,
            "plan_step_id": strategy.steps.get().pk,
            "plan_id": plan.pk,
            "step_id": step.pk,
            "reward_id": reward.pk,
            "appointment_id": appointment.pk,
            "reminder_id": reminder.pk,
            "delivery_id": delivery.pk,
            "participant_id": participant.pk,
            "instrument_id": instrument.pk,
            "moment": "pre",
            "check_id": money_check.pk,
            "outcome_id": money_check.outcomes.first().pk,
        },
        "link_token": token,
        "feed_token": feed_token,
    }


@pytest.fixture
def objects(world):
    effect = StressEffect.objects.create(code="vergeten", text_nl="Veel vergeten")
    return {
        "own": _client_world(world.traj_a, world.pro_a, effect),
        "foreign": _client_world(world.traj_b, world.pro_b, effect),
    }


def _user(world, role):
    if role == "anonymous":
        return None
    if role == "client_a":
        return world.traj_a.client.user
    return getattr(world, role)


def _url(pattern: Pattern, ids: dict) -> str:
    kwargs = {}
    for param in pattern.params:
        key = "plan_step_id" if pattern.name == "psychoeducation:step_tick" else param
        kwargs[param] = ids[key]
    return reverse(pattern.name, kwargs=kwargs)


def _allowed(role: str, which: str, audience: str) -> bool:
    if audience == ADMIN:
        return role == "admin"  # both clients are of the administrator's organisation
    if role == "pro_b":  # Bram works in team B: the "foreign" client Karel is his own
        return which == "foreign" and audience in (STAFF, BOTH)
    if which != "own":
        return False
    if role in ("pro_a", "lead_a"):
        return audience in (STAFF, BOTH)
    if role == "client_a":
        return audience in (CLIENT, BOTH)
    return False


def _refused_by_kind(role: str, audience: str) -> bool:
    """Turned away by the kind of user before any client is looked at."""
    if role == "anonymous":
        return True
    if role == "client_a":
        return audience in (STAFF, ADMIN)
    if audience == CLIENT:
        return True
    return audience == ADMIN and role != "admin"


class _Rollback(Exception):
    pass


def _request(django_client, method: str, url: str):
    """One request in a savepoint that is rolled back, so requests do not change each other."""
    result = {}
    try:
        with transaction.atomic():
            before = set(AccessLogEntry.objects.values_list("pk", flat=True))
            response = getattr(django_client, method)(url)
            rows = list(AccessLogEntry.objects.exclude(pk__in=before))
            result["response"], result["rows"] = response, rows
            raise _Rollback
    except _Rollback:
        pass
    return result["response"], result["rows"]


def _check(pattern, role, which, objects, django_client) -> list[str]:
    audience = AUDIENCE[pattern.name]
    data = objects[which]
    owner = data["client"]
    other = objects["foreign" if which == "own" else "own"]["client"]
    url = _url(pattern, data["ids"])
    response, rows = _request(django_client, "get", url)
    method = "get"
    if response.status_code == 405:  # a POST-only view
        method = "post"
        response, rows = _request(django_client, "post", url)
    status = response.status_code
    where = f"{role} {method.upper()} {pattern.name} ({which}): {status}, rows {rows}"
    problems = []
    if status >= 500:
        return [f"{where}: server error"]
    body = response.content.decode(errors="replace") if status == 200 else ""
    if other.display_name in body:
        problems.append(f"{where}: shows the other client {other.display_name}")
    if _refused_by_kind(role, audience) and not _allowed(role, which, audience):
        if status not in (302, 403) or rows:
            problems.append(f"{where}: expected a redirect or 403 and no rows")
        return problems
    if not _allowed(role, which, audience):
        denied = [(r.action, r.client_id) for r in rows]
        if status != 404 or denied != [("denied", owner.pk)]:
            problems.append(f"{where}: expected 404 and one denied row for {owner.pk}")
        return problems
    if any(r.action == "denied" or r.client_id != owner.pk for r in rows):
        problems.append(f"{where}: rows about someone else or a refusal")
    if method == "get":
        if status != 200:
            problems.append(f"{where}: expected 200")
        elif len(rows) != 1:
            problems.append(f"{where}: expected exactly one row")
    elif status not in (200, 302):
        problems.append(f"{where}: expected 200 or a redirect")
    return problems


@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(client, world, objects, role):
    user = _user(world, role)
    if user is not None:
        client.force_login(user)
    patterns = [p for p in all_patterns() if p.name in AUDIENCE]
    assert len(patterns) >= 40
    problems = []
    for pattern in patterns:
        # A page without an id (the client's own page) has no "other client" to ask for.
        for which in ("own", "foreign") if pattern.params else ("own",):
            problems += _check(pattern, role, which, objects, client)
    assert problems == []


def test_a_client_asking_for_another_clients_session_is_refused_in_that_clients_log(
    client, world, objects
):
    client.force_login(world.traj_a.client.user)
    foreign_session = objects["foreign"]["ids"]["session_id"]
    response = client.get(reverse("psychoeducation:client_review", args=[foreign_session]))
    assert response.status_code == 404
    entry = AccessLogEntry.objects.first()
    assert (entry.action, entry.client_id) == ("denied", world.traj_b.client_id)
    assert not AccessLogEntry.objects.filter(
        client_id=world.traj_a.client_id, at__gte=entry.at
    ).exists()


def test_pages_with_sections_write_one_row(client, world, objects):
    """The trajectory page and the client's page show every app's section: still one row."""
    for user, url in (
        (world.pro_a, reverse("cases:trajectory_detail", args=[world.traj_a.pk])),
        (world.traj_a.client.user, reverse("cases:my_page")),
    ):
        client.force_login(user)
        response, rows = _request(client, "get", url)
        assert response.status_code == 200
        assert "Wekker zetten" in response.content.decode()  # sections are there
        assert [(r.client_id, r.action) for r in rows] == [(world.traj_a.client_id, "view")]


def test_lists_write_one_row_per_client(client, world, objects):
    client.force_login(world.pro_a)
    response, rows = _request(client, "get", reverse("cases:my_clients"))
    assert response.status_code == 200
    assert [(r.client_id, r.action) for r in rows] == [(world.traj_a.client_id, "list")]
    client.force_login(world.admin)
    response, rows = _request(client, "get", reverse("audit:search") + "?q=r")
    assert sorted(r.client_id for r in rows) == sorted(
        [world.traj_a.client_id, world.traj_b.client_id]
    )


def test_token_urls(client, world, objects):
    own = objects["own"]
    url = reverse("reminders:calendar_feed", args=[own["feed_token"]])
    response, rows = _request(client, "get", url)
    assert response.status_code == 200
    assert [(r.event, r.client_id, r.origin) for r in rows] == [
        ("calendar_feed.read", world.traj_a.client_id, "api")
    ]
    response, rows = _request(client, "get", reverse("reminders:calendar_feed", args=["nope"]))
    assert response.status_code == 404 and [r.action for r in rows] == ["denied"]
    url = reverse("accounts:client_link", args=[own["link_token"]])
    response, rows = _request(client, "get", url)
    assert response.status_code == 302
    assert [(r.event, r.client_id) for r in rows] == [("client.sign_in", world.traj_a.client_id)]
