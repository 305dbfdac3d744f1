"""Research end to end: consent first, enrolment with random research ids, the client's own
questionnaire page (B1), the professional's entry, the researcher's summary and anonymised export
(no names, contact data, client ids or free text; every export in the access log)."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.cases.services import consent_record, consent_withdraw
from doenvermogen.research import services
from doenvermogen.research.export import _coarsen, build_export
from doenvermogen.research.models import Instrument, Measurement, Participant, Study

pytestmark = pytest.mark.django_db


@pytest.fixture
def study(world):
    return services.study_create(
        organisation=world.org,
        author=world.researcher,
        name="Studie",
        instrument_list=list(Instrument.objects.filter(organisation=None)),
    )


def _consent(world, trajectory):
    return consent_record(
        client=trajectory.client,
        trajectory=trajectory,
        author=world.pro_a,
        purpose=Consent.Purpose.RESEARCH,
    )


def test_no_enrolment_and_no_measurement_without_research_consent(client, world, study):
    with pytest.raises(services.NoResearchConsent):
        services.participant_enrol(study=study, trajectory=world.traj_a, author=world.pro_a)
    client.force_login(world.pro_a)
    url = reverse("research:enrol", kwargs={"trajectory_id": world.traj_a.pk})
    body = client.post(url, {"study": study.pk}, follow=True).content.decode()
    assert "Leg eerst de toestemming" in body and not Participant.objects.exists()
    consent = _consent(world, world.traj_a)
    participant = services.participant_enrol(
        study=study, trajectory=world.traj_a, author=world.pro_a
    )
    consent_withdraw(consent=consent, author=world.pro_a)
    with pytest.raises(services.NoResearchConsent):
        services.measurement_record(
            participant=participant,
            instrument=study.instruments.first(),
            moment="pre",
            answers={"stress_week": 5},
            filled_by="professional",
            author=world.pro_a,
        )


def test_research_ids_are_random_stable_per_study_and_differ_between_studies(world, study):
    _consent(world, world.traj_a)
    first = services.participant_enrol(study=study, trajectory=world.traj_a, author=world.pro_a)
    again = services.participant_enrol(study=study, trajectory=world.traj_a, author=world.pro_a)
    other = services.study_create(
        organisation=world.org, author=world.researcher, name="Andere", instrument_list=[]
    )
    elsewhere = services.participant_enrol(study=other, trajectory=world.traj_a, author=world.pro_a)
    assert first.pk == again.pk and first.research_id == again.research_id
    assert first.research_id != elsewhere.research_id
    assert re.fullmatch(r"R[A-Z2-9]{8}", first.research_id)
    assert str(world.traj_a.client.pk) not in first.research_id[1:]


def test_client_fills_in_on_their_own_page(world, study, client_page_client):
    _consent(world, world.traj_a)
    participant = services.participant_enrol(
        study=study, trajectory=world.traj_a, author=world.pro_a
    )
    c = client_page_client(world.traj_a.client)
    page = c.get(reverse("cases:my_page")).content.decode()
    assert "Vragen voor onderzoek" in page and "Stressthermometer" in page
    thermo = Instrument.objects.get(code="stress_thermometer")
    url = reverse(
        "research:measurement_client",
        kwargs={"participant_id": participant.pk, "instrument_id": thermo.pk, "moment": "pre"},
    )
    form = c.get(url).content.decode()
    assert (
        "Hoeveel stress had je de afgelopen week?" in form and "Je naam staat er niet bij" in form
    )
    assert "Nog niet elke vraag" in c.post(url, {}).content.decode()
    assert c.post(url, {"item_stress_week": "7", "idempotency_key": "k" * 12}).status_code == 302
    c.post(url, {"item_stress_week": "3", "idempotency_key": "k" * 12})
    m = Measurement.objects.get()
    assert m.score == 7 and m.filled_by == "client" and m.moment == "pre"
    assert AccessLogEntry.objects.filter(
        event=events.MEASUREMENT_CREATE.code, client_id=world.traj_a.client_id
    ).exists()
    # The post-measurement is not open yet; another client's participant is not reachable.
    post = url.replace("/pre/", "/post/")
    assert c.get(post).status_code == 404
    other = client_page_client(world.traj_b.client)
    assert other.get(url).status_code == 404


def test_professional_enters_inside_their_own_trajectory_only(client, world, study):
    _consent(world, world.traj_a)
    participant = services.participant_enrol(
        study=study, trajectory=world.traj_a, author=world.pro_a
    )
    grip = Instrument.objects.get(code="grip_scale")
    kwargs = {
        "trajectory_id": world.traj_a.pk,
        "participant_id": participant.pk,
        "instrument_id": grip.pk,
        "moment": "pre",
    }
    url = reverse("research:measurement_professional", kwargs=kwargs)
    client.force_login(world.pro_b)
    assert client.get(url).status_code == 404
    assert AccessLogEntry.objects.filter(action="denied", actor=world.pro_b).exists()
    client.force_login(world.pro_a)
    traj_page = client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    assert "samen invullen" in traj_page.content.decode()
    data = {f"item_{i['code']}": "3" for i in grip.definition["items"]}
    assert client.post(url, data).status_code == 302
    assert Measurement.objects.get().filled_by == "professional"


def test_summary_and_pages_for_researchers_only(client, world, study):
    for user in (world.pro_a, world.lead_a, world.admin):
        client.force_login(user)
        assert client.get(reverse("research:home")).status_code == 404
        assert client.get(reverse("research:study", args=[study.pk])).status_code == 404
        assert client.get(reverse("research:export", args=[study.pk])).status_code == 404
    client.force_login(world.researcher)
    assert client.get(reverse("research:study", args=[study.pk])).status_code == 200


def test_researcher_loads_an_instrument_from_a_file_with_dutch_errors(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.researcher)
    bad = SimpleUploadedFile("x.yaml", b"code: abc\nname: Abc\nitems: []\n")
    body = client.post(reverse("research:home"), {"file": bad}).content.decode()
    assert "&#x27;items&#x27; ontbreekt" in body and "&#x27;scales&#x27; ontbreekt" in body
    good = SimpleUploadedFile(
        "kort.json",
        b'{"code": "kort", "name": "Kort", "scales": {"s": {"min": 1, "max": 3}}, '
        b'"items": [{"code": "k1", "text": "Vraag", "scale": "s"}]}',
    )
    assert client.post(reverse("research:home"), {"file": good}).status_code == 302
    assert Instrument.objects.get(code="kort").organisation == world.org


def test_months_shared_by_fewer_than_five_become_quarters_or_are_suppressed():
    people = ["a", "b", "c", "d", "e", "f", "g"]
    months = ["2026-01", "2026-01", "2026-01", "2026-01", "2026-01", "2026-02", "2026-04"]
    assert _coarsen(months, people) == ["2026-01"] * 5 + ["*", "*"]
    months = ["2026-01", "2026-02", "2026-03", "2026-02", "2026-01", "2026-07", "2026-07"]
    assert _coarsen(months, people) == ["2026-Q1"] * 5 + ["*", "*"]


@pytest.fixture
def demo_with_high_ids(db):
    """The demo data, with client and trajectory ids far from any score or answer."""
    for model in (Client, Trajectory):
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 987650)")
            else:
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [987650, table]
                )
                if cursor.rowcount == 0:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, 987650]
                    )
    call_command("load_demo_data", stdout=io.StringIO())


def test_demo_export_has_no_names_contact_data_ids_or_free_text(client, demo_with_high_ids):
    study = Study.objects.get()
    ravi = study.created_by
    client.force_login(ravi)
    response = client.get(reverse("research:export", args=[study.pk]))
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as z:
        files = {name: z.read(name).decode("utf-8") for name in z.namelist()}
    assert sorted(files) == [f"study-{study.pk}-codebook.csv", f"study-{study.pk}-data.csv"]
    everything = "\n".join(files.values())
    clients = list(Client.objects.all())
    assert len(clients) >= 12 and min(c.pk for c in clients) > 987650
    for c in clients:
        assert not re.search(rf"\b{re.escape(c.display_name)}\b", everything, re.I), c.display_name
        assert str(c.pk) not in everything
        for contact in (c.email, c.phone):
            assert not contact or contact not in everything
    assert min(t.pk for t in Trajectory.objects.all()) > 987650
    for t in Trajectory.objects.all():
        assert str(t.pk) not in everything
    for consent in Consent.objects.exclude(note=""):
        assert consent.note not in everything
    rows = list(csv.DictReader(io.StringIO(files[f"study-{study.pk}-data.csv"])))
    assert rows and set(rows[0]) >= {"research_id", "moment", "month", "score"}
    assert all(re.fullmatch(r"\d{4}-(\d{2}|Q\d)|\*", r["month"]) for r in rows)
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", v) for r in rows for v in r.values())
    # Every exported client is in the access log, as a research export by Ravi.
    logged = set(
        AccessLogEntry.objects.filter(event=events.RESEARCH_EXPORT.code, actor=ravi).values_list(
            "client_id", flat=True
        )
    )
    assert logged == {p.client_id for p in Participant.objects.filter(study=study)}
    assert len(logged) == len({r["research_id"] for r in rows})


def test_demo_summary_shows_the_paired_figures(client, demo_with_high_ids):
    study = Study.objects.get()
    client.force_login(study.created_by)
    body = client.get(reverse("research:study", args=[study.pk])).content.decode()
    assert "Wilcoxon" in body and "Cohens d_z" in body and "Noor" not in body
    export = build_export(study)
    assert export.rows == 7 * 4 + 2  # seven clients pre and post on two instruments; Noor's pre
