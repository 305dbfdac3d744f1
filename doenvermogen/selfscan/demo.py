"""Demo: the debt counselling team filled in the self-scan twice and has an action plan; Fatima
keeps private stress check-ins. Three more (invented) colleagues join the team so that at least
five people answered. Called by ``load_demo_data``.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from doenvermogen.accounts.models import Membership, User
from doenvermogen.accounts.services import membership_create
from doenvermogen.selfscan import services
from doenvermogen.selfscan.models import BuildingBlock, ScanRound, Statement, StressCheckIn

PASSWORD = "demo-wachtwoord"
EXTRA_STAFF = [
    ("youssef@demo.doenvermogen.nl", "Youssef El Amrani"),
    ("emma@demo.doenvermogen.nl", "Emma de Boer"),
    ("daan@demo.doenvermogen.nl", "Daan Visser"),
]

# Per respondent a base level per building block code (0–3); round 2 moves some blocks up.
FIRST = {
    "goal_instruments": 2,
    "executive_skills": 1,
    "psychoeducation": 1,
    "rewards": 0,
    "learning_goals": 1,
    "written_communication": 1,
    "rooms": 0,
    "money_calm": 2,
    "professional_stress": 1,
}
SECOND_UP = {"psychoeducation": 1, "written_communication": 1, "professional_stress": 1}


def _user(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=PASSWORD, name=name)
    return user


def _answers(rng: random.Random, second: bool) -> dict[int, tuple[int, str]]:
    out = {}
    for st in Statement.objects.filter(active=True).select_related("block"):
        base = FIRST.get(st.block.code, 1) + (SECOND_UP.get(st.block.code, 0) if second else 0)
        level = max(0, min(3, base + rng.choice([-1, 0, 0, 1])))
        out[st.pk] = (level, "")
    return out


def load(demo) -> None:
    team = demo.teams["debt"]
    u = dict(demo.users)
    for email, name in EXTRA_STAFF:
        user = _user(email, name)
        membership_create(user=user, role=Membership.Role.PROFESSIONAL, team=team)
        u[email.split("@")[0]] = user
        demo.users[email.split("@")[0]] = user
    rng = random.Random(12)
    today = timezone.localdate()
    first = services.round_create(team=team, author=u["ingrid"], name="Voorjaar 2026")
    ScanRound.objects.filter(pk=first.pk).update(opened_on=today - datetime.timedelta(days=180))
    for key in ["fatima", "sanne", "ingrid", "youssef", "emma", "daan"]:
        services.response_submit(scan_round=first, respondent=u[key], answers=_answers(rng, False))
    services.round_close(scan_round=first, author=u["ingrid"])

    second = services.round_create(team=team, author=u["ingrid"], name="Najaar 2026")
    ScanRound.objects.filter(pk=second.pk).update(opened_on=today - datetime.timedelta(days=10))
    second.refresh_from_db()
    examples = {
        "pe_team": "Elke maand bespreken we één casus met psycho-educatie in het teamoverleg.",
        "letters_b1": "De aanmaningsbrief is herschreven en gecheckt op B1.",
        "staff_not_alone": "We beginnen het werkoverleg met een rondje: hoe gaat het met jou?",
    }
    for key in ["sanne", "ingrid", "youssef", "emma", "daan"]:
        answers = _answers(rng, True)
        for code, text in examples.items():
            st = Statement.objects.get(code=code)
            if key in {"sanne", "emma"}:
                answers[st.pk] = (answers[st.pk][0], text)
        services.response_submit(scan_round=second, respondent=u[key], answers=answers)

    blocks = {b.code: b for b in BuildingBlock.objects.all()}
    services.action_create(
        scan_round=second,
        block=blocks["psychoeducation"],
        what="Openingszinnen voor psycho-educatie samen oefenen in het teamoverleg",
        owner=u["sanne"],
        due_on=today + datetime.timedelta(days=21),
        remind_days_before=3,
        author=u["ingrid"],
    )
    services.action_create(
        scan_round=second,
        block=blocks["written_communication"],
        what="Drie standaardbrieven door de briefchecker halen en herschrijven",
        owner=u["youssef"],
        due_on=today + datetime.timedelta(days=45),
        remind_days_before=7,
        author=u["ingrid"],
    )
    done = services.action_create(
        scan_round=second,
        block=blocks["professional_stress"],
        what="Vast rondje 'hoe gaat het met jou?' aan het begin van het werkoverleg",
        owner=u["ingrid"],
        due_on=today - datetime.timedelta(days=2),
        remind_days_before=None,
        author=u["ingrid"],
    )
    services.action_done(action=done, author=u["ingrid"])
    services.intention_create(
        author=u["fatima"],
        scan_round=second,
        text="Morgen vraag ik bij elk gesprek eerst hoe het met de stress gaat.",
    )

    # Fatima's private check-ins over eight weeks; four colleagues checked in once this week.
    now = timezone.now()
    for weeks, (t, w, s, a) in enumerate(
        [
            (7, 2, 3, 3),
            (6, 2, 3, 3),
            (6, 3, 3, 4),
            (5, 3, 4, 4),
            (4, 3, 4, 4),
            (5, 3, 4, 4),
            (3, 4, 4, 5),
            (3, 4, 5, 4),
        ]
    ):
        c = services.checkin_create(
            author=u["fatima"],
            thermometer=t,
            workload=w,
            support=s,
            appreciated=a,
            note="Na de drukke maand weer wat rustiger." if weeks == 6 else "",
        )
        StressCheckIn.objects.filter(pk=c.pk).update(
            taken_at=now - datetime.timedelta(weeks=7 - weeks, hours=1)
        )
    for key, t in [("sanne", 5), ("youssef", 6), ("emma", 4), ("daan", 7)]:
        services.checkin_create(author=u[key], thermometer=t, workload=3, support=4, appreciated=3)
