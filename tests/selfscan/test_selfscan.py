"""The self-scan: catalogue as data, results only for five or more, spread, change, evidence,
action plan with e-mail reminders, PDF, private intentions, authorization and bad input."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from doenvermogen.selfscan import catalogues, selectors, services
from doenvermogen.selfscan.evidence import evidence_for
from doenvermogen.selfscan.models import Action, BuildingBlock, ScanRound, Statement
from tests.selfscan.conftest import answers_all

pytestmark = pytest.mark.django_db


def test_catalogue_has_the_eight_building_blocks_and_the_ninth(db):
    codes = list(BuildingBlock.objects.values_list("code", flat=True))
    assert len(codes) == 9 and codes[2] == "psychoeducation" and codes[-1] == "professional_stress"
    assert Statement.objects.filter(active=True).count() >= 9


def test_an_organisation_adapts_the_statements_in_yaml(db, tmp_path, settings):
    text = catalogues.catalogue_path().read_text(encoding="utf-8")
    text = text.replace("We knippen grote taken op in kleine stappen.", "Wij werken in stapjes.")
    text = text.replace(
        "    - code: learning_goal\n      nl: \"We stellen leerdoelen ('ik leer hoe ik …') "
        "naast resultaatdoelen.\"\n      en: \"We set learning goals ('I learn how to …') next to "
        'result goals."\n',
        "",
    )
    own = tmp_path / "blocks.yaml"
    own.write_text(text, encoding="utf-8")
    settings.SELFSCAN_CATALOGUE = str(own)
    catalogues.load()
    assert Statement.objects.get(code="learning_small").text_nl == "Wij werken in stapjes."
    assert not Statement.objects.get(code="learning_goal").active


def _page(client, user, name, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs))


def test_four_respondents_show_nothing_on_any_page_or_pdf(client, world, team_scan):
    team_scan.respond([3, 3, 3, 3])
    res = selectors.round_results(team_scan)
    assert not res.shown and res.missing == 1 and all(b.mean is None for b in res.blocks)
    body = _page(client, world.lead_a, "selfscan:results", round_id=team_scan.pk).content.decode()
    assert "<svg" not in body and "Spreiding" not in body and "3,0" not in body
    assert "Nog 1 antwoord is nodig" in body
    pdf = _page(client, world.lead_a, "selfscan:results_pdf", round_id=team_scan.pk)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Spreiding" not in text and "3,0" not in text and "minstens 5" in text
    org = _page(client, world.lead_a, "selfscan:organisation", organisation_id=world.org.pk)
    assert "Spreiding" not in org.content.decode()


def test_five_respondents_show_mean_spread_and_radar(client, world, team_scan):
    team_scan.respond([0, 1, 2, 3, 3])
    res = selectors.round_results(team_scan)
    assert res.shown and res.respondents == 5
    block = res.blocks[0]
    assert block.mean == 1.8 and block.low == 0 and block.high == 3  # (0+1+2+3+3)/5
    assert block.sd == 1.3  # sample sd of 0,1,2,3,3 = sqrt(6.8/4) = 1.304
    body = _page(client, world.lead_a, "selfscan:results", round_id=team_scan.pk).content.decode()
    assert "<svg" in body and "<polygon" in body and "1,80" in body and "0,0–3,0" in body
    pdf = _page(client, world.lead_a, "selfscan:results_pdf", round_id=team_scan.pk)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "1,80" in text


def test_a_repeated_scan_shows_the_change_per_building_block(world, team_scan, make):
    team_scan.respond([1, 1, 1, 1, 1])
    ScanRound.objects.filter(pk=team_scan.pk).update(opened_on=datetime.date(2026, 1, 1))
    later = services.round_create(team=world.team_a, author=world.lead_a, name="Ronde 2")
    for _ in range(5):
        person = make.staff(team=world.team_a)
        services.response_submit(scan_round=later, respondent=person, answers=answers_all(3))
    res = selectors.round_results(later)
    assert res.blocks[0].previous == 1.0 and res.blocks[0].mean == 3.0
    assert res.blocks[0].change == 2.0


def test_examples_are_shown_only_with_five_and_without_names(client, world, team_scan, make):
    st = Statement.objects.get(code="pe_team")
    people = team_scan.respond([2, 2, 2, 2])
    answers = answers_all(2)
    answers[st.pk] = (2, "We oefenen openingszinnen")
    services.response_submit(scan_round=team_scan, respondent=people[0], answers=answers)
    body = _page(client, world.lead_a, "selfscan:results", round_id=team_scan.pk).content.decode()
    assert "We oefenen openingszinnen" not in body
    team_scan.respond([2])
    body = _page(client, world.lead_a, "selfscan:results", round_id=team_scan.pk).content.decode()
    assert "We oefenen openingszinnen" in body and people[0].name not in body


def test_evidence_counts_below_five_are_not_shown(world, make):
    from doenvermogen.psychoeducation import services as pe

    since = timezone.now() - datetime.timedelta(days=1)
    for _ in range(4):
        t = make.trajectory(team=world.team_a, professional=world.pro_a)
        pe.gate_record(
            trajectory=t, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
        )
    text = evidence_for(team_ids={world.team_a.pk}, since=since)["psychoeducation"]
    assert "minder dan 5" in text
    t = make.trajectory(team=world.team_a, professional=world.pro_a)
    pe.gate_record(trajectory=t, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes")
    text = evidence_for(team_ids={world.team_a.pk}, since=since)["psychoeducation"]
    assert "in 5 trajecten" in text
    # The letters app's hook (team_check_counts) answers now: no checks in this team yet.
    written = evidence_for(team_ids={world.team_a.pk}, since=since)["written_communication"]
    assert written.startswith("0 ")


def test_action_plan_with_an_e_mail_reminder_sent_once(
    client, world, team_scan, django_capture_on_commit_callbacks
):
    world.pro_a.email = "anna@example.org"
    world.pro_a.save()
    block = BuildingBlock.objects.get(code="psychoeducation")
    client.force_login(world.lead_a)
    url = reverse("selfscan:plan", kwargs={"round_id": team_scan.pk})
    form = {
        "block": block.pk,
        "what": "Openingszinnen oefenen",
        "owner": world.pro_a.pk,
        "due_on": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
        "remind_days_before": "3",
        "idempotency_key": "actionkey1234",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, form).status_code == 302
        client.post(url, form)  # a double submit
    assert Action.objects.count() == 1
    assert len(mail.outbox) == 1 and "Openingszinnen oefenen" in mail.outbox[0].body
    assert services.action_reminders_send_due() == 0  # already sent
    assert "Openingszinnen oefenen" in client.get(url).content.decode()


def test_the_daily_sweep_sends_due_reminders(world, team_scan):
    block = BuildingBlock.objects.get(code="rooms")
    world.pro_a.email = "anna@example.org"
    world.pro_a.save()
    action = services.action_create(
        scan_round=team_scan,
        block=block,
        what="Spreekkamer bekijken",
        owner=world.pro_a,
        due_on=timezone.localdate() + datetime.timedelta(days=30),
        remind_days_before=7,
        author=world.lead_a,
    )
    assert services.action_reminders_send_due() == 0  # not due yet
    Action.objects.filter(pk=action.pk).update(due_on=timezone.localdate())
    assert services.action_reminders_send_due() == 1
    assert services.action_reminders_send_due() == 0


def test_action_form_keeps_what_was_typed(client, world, team_scan):
    client.force_login(world.pro_a)
    url = reverse("selfscan:plan", kwargs={"round_id": team_scan.pk})
    body = client.post(url, {"what": "Iets goeds", "due_on": "morgen"}).content.decode()
    assert "Iets goeds" in body and "Vul een datum in" in body
    assert Action.objects.count() == 0


def test_scan_form_with_a_missing_answer_keeps_the_rest(client, world, team_scan):
    client.force_login(world.pro_a)
    statements = list(Statement.objects.filter(active=True))
    data = {f"level_{s.pk}": "2" for s in statements[1:]}
    data[f"example_{statements[1].pk}"] = "Mijn voorbeeld"
    url = reverse("selfscan:answer", kwargs={"round_id": team_scan.pk})
    body = client.post(url, data).content.decode()
    assert "Mijn voorbeeld" in body and "Kies waar we staan." in body
    assert not team_scan.responses.exists()
    data[f"level_{statements[0].pk}"] = "1"
    assert client.post(url, data).status_code == 302
    assert team_scan.responses.get().answers.count() == len(statements)


def test_only_members_of_the_team_see_a_round(client, world, team_scan):
    for user in (world.pro_b, world.researcher, world.admin):
        for name in (
            "selfscan:results",
            "selfscan:plan",
            "selfscan:answer",
            "selfscan:results_pdf",
        ):
            assert _page(client, user, name, round_id=team_scan.pk).status_code == 404
    assert _page(client, world.pro_a, "selfscan:results", round_id=team_scan.pk).status_code == 200


def test_organisation_results_for_its_team_leads_and_administrators_only(client, world):
    for user, status in (
        (world.lead_a, 200),
        (world.admin, 200),
        (world.pro_a, 404),
        (world.researcher, 404),
    ):
        page = _page(client, user, "selfscan:organisation", organisation_id=world.org.pk)
        assert page.status_code == status
    assert (
        _page(
            client, world.lead_a, "selfscan:organisation", organisation_id=world.other_org.pk
        ).status_code
        == 404
    )


def test_only_a_team_lead_starts_and_closes_a_round(client, world):
    client.force_login(world.pro_a)
    client.post(reverse("selfscan:round_new"), {"team": world.team_a.pk, "name": "X"})
    assert not ScanRound.objects.exists()
    client.force_login(world.lead_a)
    data = {"team": world.team_a.pk, "name": "Najaar", "idempotency_key": "roundkey12345"}
    client.post(reverse("selfscan:round_new"), data)
    client.post(reverse("selfscan:round_new"), data)
    scan_round = ScanRound.objects.get()
    client.force_login(world.pro_a)
    close = reverse("selfscan:round_close", kwargs={"round_id": scan_round.pk})
    assert client.post(close).status_code == 404
    client.force_login(world.lead_a)
    client.post(close)
    scan_round.refresh_from_db()
    assert not scan_round.is_open
    with pytest.raises(services.ScanClosed):
        services.response_submit(scan_round=scan_round, respondent=world.pro_a, answers={})


def test_what_i_can_do_differently_tomorrow_is_private(client, world):
    client.force_login(world.pro_a)
    client.post(reverse("selfscan:intention_new"), {"text": "Morgen vraag ik eerst naar stress"})
    assert (
        "Morgen vraag ik eerst naar stress" in client.get(reverse("selfscan:home")).content.decode()
    )
    for user in (world.lead_a, world.pro_b, world.admin):
        client.force_login(user)
        assert "Morgen vraag ik" not in client.get(reverse("selfscan:home")).content.decode()


def test_team_lead_sees_check_in_figures_only_for_five_people(client, world, team_scan, make):
    people = team_scan.respond([1, 1, 1, 1])
    for person in people:
        services.checkin_create(author=person, thermometer=9, workload=1, support=1, appreciated=1)
    body = _page(client, world.lead_a, "selfscan:results", round_id=team_scan.pk).content.decode()
    assert "Middelste waarde" not in body
    services.checkin_create(author=world.pro_a, thermometer=1, workload=5, support=5, appreciated=5)
    agg = selectors.checkin_aggregate(
        team=world.team_a, since=timezone.now() - datetime.timedelta(1)
    )
    assert agg.shown and agg.people == 5 and agg.thermometer_median == 9
    assert agg.workload_mean == 1.8  # (1+1+1+1+5)/5
