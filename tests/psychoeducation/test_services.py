"""The rules of the seeds in the services: gate, choosing, strategies, reviews with history."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Consent
from doenvermogen.cases.selectors import access_trajectory, access_trajectory_object
from doenvermogen.psychoeducation import selectors, services
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    Review,
    Session,
    Strategy,
    StressEffect,
)

pytestmark = pytest.mark.django_db
Outcome = GateConversation.Outcome


def test_catalogues_are_loaded_with_the_guides_eleven_effects_plus_other(effects, strategies):
    assert len([e for e in effects.values() if not e.is_other]) == 11
    assert effects["anders"].is_other and effects["anders"].text_nl.startswith("Anders, te weten")
    assert effects["veel-vergeten"].text_nl == "Veel vergeten. Ik heb chaos in mijn hoofd."
    groups = {s.group for s in strategies.values()}
    assert groups == {"thinking", "emotion", "activity"}
    for code in (
        "reminders",
        "als-dan-plan",
        "stappenplan",
        "aanvaarding",
        "vermijden",
        "opnieuw-bekijken",
        "wandelen",
        "muziek",
        "gezelschap",
        "slapen",
        "mindfulness",
        "ontspanningsoefeningen",
    ):
        s = strategies[code]
        assert s.explanation_nl and s.example_nl and s.name_en and s.explanation_en


def test_catalogue_loading_is_idempotent_and_keeps_own_additions(world, effects):
    from doenvermogen.psychoeducation.catalogues import load

    own = StressEffect.objects.create(
        organisation=world.org, code="eigen", text_nl="Ik slaap slecht", order=5
    )
    load()
    load()
    assert StressEffect.objects.filter(organisation=None).count() == 12
    assert StressEffect.objects.filter(pk=own.pk).exists()
    chart = list(selectors.effect_catalogue(world.org))
    assert own in chart and chart[-1].is_other  # "other" stays last
    assert own not in list(selectors.effect_catalogue(world.other_org))


@pytest.mark.parametrize(
    ("stress", "talk", "threat", "outcome"),
    [
        ("yes", "yes", "", Outcome.START),
        ("yes", "no", "", Outcome.NO_TALK),
        ("yes", "not_now", "", Outcome.NOT_NOW),
        ("no", "", "", Outcome.NO_STRESS),
        ("not_now", "", "", Outcome.NOT_NOW),
        ("yes", "yes", "bailiff", Outcome.WAIT_THREAT),
        ("yes", "yes", "eviction", Outcome.WAIT_THREAT),
    ],
)
def test_gate_opens_step_one_only_after_yes_and_yes(world, stress, talk, threat, outcome):
    gate = services.gate_record(
        trajectory=world.traj_a,
        author=world.pro_a,
        experiences_stress=stress,
        wants_to_talk=talk,
        acute_threat=threat,
    )
    assert gate.outcome == outcome
    assert gate.asked_by == world.pro_a and gate.asked_at is not None
    has_session = Session.objects.filter(gate=gate).exists()
    assert has_session == (outcome == Outcome.START)
    consent = Consent.objects.filter(client=world.traj_a.client, purpose="psychoeducation")
    assert consent.exists() == (outcome == Outcome.START)


def test_every_other_answer_can_be_revisited_later(world):
    first = services.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="not_now"
    )
    second = services.gate_record(
        trajectory=world.traj_a, author=world.pro_b, experiences_stress="yes", wants_to_talk="yes"
    )
    assert first.outcome == Outcome.NOT_NOW and second.outcome == Outcome.START
    assert list(world.traj_a.gate_conversations.all()) == [second, first]


def test_acute_threat_can_be_overridden_explicitly(world):
    gate = services.gate_record(
        trajectory=world.traj_a,
        author=world.pro_a,
        experiences_stress="yes",
        wants_to_talk="yes",
        acute_threat="seizure",
        start_despite_threat=True,
    )
    assert gate.outcome == Outcome.START and gate.started_despite_threat


def test_gate_double_submit_does_not_duplicate(world):
    kwargs = dict(
        trajectory=world.traj_a,
        author=world.pro_a,
        experiences_stress="yes",
        wants_to_talk="yes",
        idempotency_key="gate-key-abc",
    )
    assert services.gate_record(**kwargs) == services.gate_record(**kwargs)
    assert Session.objects.filter(trajectory=world.traj_a).count() == 1


def test_choosing_allows_three_or_one_and_requires_rules_reminder(session, world, effects):
    recognised = services.effects_recognise(
        session=session,
        author=world.pro_a,
        effects=[
            effects[c]
            for c in (
                "veel-vergeten",
                "relativeren-snel-boos",
                "continu-gespannen",
                "onhandige-beslissingen",
            )
        ],
    )
    with pytest.raises(ValidationError):
        services.effects_choose(
            session=session,
            author=world.pro_a,
            variant="three",
            chosen=recognised,
            rules_explained=True,
        )
    with pytest.raises(ValidationError):
        services.effects_choose(
            session=session,
            author=world.pro_a,
            variant="one",
            chosen=recognised[:2],
            rules_explained=True,
        )
    with pytest.raises(ValidationError):
        services.effects_choose(
            session=session,
            author=world.pro_a,
            variant="one",
            chosen=recognised[:1],
            rules_explained=False,
        )
    services.effects_choose(
        session=session,
        author=world.pro_a,
        variant="one",
        chosen=recognised[:1],
        rules_explained=True,
    )
    session.refresh_from_db()
    assert session.variant == "one" and session.rules_explained_at is not None
    assert [e.label for e in session.effects.all() if e.is_chosen] == [recognised[0].label]


def test_own_words_are_first_class(session, world):
    recognised = services.effects_recognise(
        session=session, author=world.pro_a, effects=[], own_words=["Ik durf de deur niet open"]
    )
    assert recognised[0].effect is None and recognised[0].label == "Ik durf de deur niet open"


def test_strategy_from_catalogue_or_own_words_with_if_then_and_steps(
    chosen_session, world, strategies
):
    effect = chosen_session.effects.get(own_words="Ik open de post niet")
    s1 = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="",
        catalogue_strategy=strategies["als-dan-plan"],
        if_part="het zaterdagochtend is",
        then_part="open ik samen met mijn moeder de post",
        steps=["Post in één bak doen", "Moeder bellen", ""],
    )
    assert s1.description == "Een als-dan plan"
    assert [s.text for s in s1.steps.all()] == ["Post in één bak doen", "Moeder bellen"]
    s2 = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Ik vraag mijn buurman om mee te kijken",
    )
    assert s2.catalogue_strategy is None
    with pytest.raises(ValidationError):
        services.strategy_add(
            session=chosen_session,
            author=world.pro_a,
            recognised_effect=effect,
            description="x",
            if_part="alleen als",
        )


def test_strategy_with_reminder_is_stored_for_the_reminders_app(chosen_session, world):
    from doenvermogen.reminders.models import Reminder

    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    first = timezone.now() + datetime.timedelta(days=1)
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Elke ochtend in mijn agenda kijken",
        reminder=services.ReminderRequest(first_at=first, repeat="daily", channel="email"),
    )
    reminder = Reminder.objects.get(strategy_ref=str(strategy.pk))
    assert reminder.subject == "strategy" and reminder.repeat == "daily" and reminder.by_email
    assert reminder.client == world.traj_a.client
    assert list(strategy.reminder_list) == [reminder]


def test_guide_scenario_agenda_then_note_on_the_fridge(chosen_session, world):
    """The guide's example: she writes appointments in an agenda but forgets to look in it; at
    the review the strategy becomes a note on the fridge to look in the agenda every morning."""
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    agenda = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Ik schrijf mijn afspraken in een agenda",
    )
    services.strategies_done(session=chosen_session, author=world.pro_a)
    services.session_share(
        session=chosen_session,
        author=world.pro_a,
        next_review_on=timezone.localdate() + datetime.timedelta(days=14),
    )
    review = services.review_record(
        session=chosen_session,
        author=world.pro_a,
        source=Review.Source.CONVERSATION,
        answers=[
            services.ReviewAnswer(
                strategy=agenda,
                used="yes",
                helped="no",
                adjustment="Ik schrijf ze wel op, maar vergeet in de agenda te kijken",
                new_description="Briefje op de koelkast: elke ochtend even in de agenda kijken",
            )
        ],
        next_review_on=timezone.localdate() + datetime.timedelta(days=28),
    )
    agenda.refresh_from_db()
    new = review.items.get().new_version
    assert agenda.superseded_at is not None and not agenda.is_current
    assert new.replaces == agenda and new.version == 2
    assert new.change_reason == "Ik schrijf ze wel op, maar vergeet in de agenda te kijken"
    history = selectors.strategy_history(new)
    assert [v.description for v in history] == [
        "Ik schrijf mijn afspraken in een agenda",
        "Briefje op de koelkast: elke ochtend even in de agenda kijken",
    ]
    assert selectors.strategy_history(agenda) == history
    current = selectors.chosen_effects_with_strategies(Session.objects.get(pk=chosen_session.pk))
    shown = [s.description for b in current for s in b.strategies]
    assert shown == ["Briefje op de koelkast: elke ochtend even in de agenda kijken"]
    texts = " ".join(e.detail for e in selectors.timeline(_ctx(world.pro_a, world.traj_a)))
    assert "Ik schrijf mijn afspraken in een agenda" in texts and "koelkast" in texts


def test_client_prepared_review_changes_nothing_but_prefills(chosen_session, world):
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Wekker zetten",
    )
    client_user = world.traj_a.client.user
    prepared = services.review_record(
        session=chosen_session,
        author=client_user,
        source=Review.Source.CLIENT,
        answers=[
            services.ReviewAnswer(
                strategy=strategy,
                used="yes",
                helped="a_bit",
                adjustment="Wekker later zetten",
                new_description="ignored for clients",
            )
        ],
    )
    strategy.refresh_from_db()
    assert strategy.is_current and ClientStrategy.objects.count() == 1
    assert selectors.client_prepared_review(chosen_session) == prepared
    services.review_record(
        session=chosen_session,
        author=world.pro_a,
        source=Review.Source.CONVERSATION,
        answers=[services.ReviewAnswer(strategy=strategy, used="yes", helped="yes")],
    )
    assert selectors.client_prepared_review(chosen_session) is None


def test_review_needs_an_answer_and_is_idempotent(chosen_session, world):
    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    strategy = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Wekker zetten",
    )
    with pytest.raises(ValidationError):
        services.review_record(
            session=chosen_session,
            author=world.pro_a,
            source="conversation",
            answers=[services.ReviewAnswer(strategy=strategy)],
        )
    kwargs = dict(
        session=chosen_session,
        author=world.pro_a,
        source="conversation",
        answers=[services.ReviewAnswer(strategy=strategy, used="no")],
        idempotency_key="review-key-1",
    )
    assert services.review_record(**kwargs) == services.review_record(**kwargs)
    assert Review.objects.count() == 1


def test_stopping_is_recorded_without_penalty_and_blocks_further_steps(chosen_session, world):
    services.session_stop(session=chosen_session, user=world.pro_a)
    chosen_session.refresh_from_db()
    assert chosen_session.stopped_at is not None
    field_names = {f.name for f in Session._meta.get_fields()}
    assert not field_names & {"penalty", "sanction", "reason", "stop_reason"}
    with pytest.raises(ValidationError):
        services.session_explained(session=chosen_session, author=world.pro_a)
    # A new conversation may start later.
    gate = services.gate_record(
        trajectory=world.traj_a, author=world.pro_a, experiences_stress="yes", wants_to_talk="yes"
    )
    assert gate.session.is_open


def test_no_diagnosis_fields_anywhere_in_the_app():
    from django.apps import apps

    for model in apps.get_app_config("psychoeducation").get_models():
        names = {f.name for f in model._meta.get_fields()}
        assert not names & {"diagnosis", "score", "severity", "medical", "symptom_score"}


def test_coordination_overview_warns_about_a_colleagues_session(world, make):
    colleague = make.staff(team=world.team_a, name="Collega")
    services.gate_record(
        trajectory=world.traj_a, author=colleague, experiences_stress="yes", wants_to_talk="yes"
    )
    overview = selectors.overview_for_trajectory(_ctx(world.pro_a, world.traj_a))
    assert overview.colleague_session is not None
    assert overview.colleague_session.professional == colleague
    assert overview.responsible_psychoeducation == [world.pro_a]
    mine = selectors.overview_for_trajectory(_ctx(colleague, world.traj_a))
    assert mine.colleague_session is None


def test_session_access_authorizes_once_and_logs(chosen_session, world):
    from django.http import Http404

    def get(user):
        return access_trajectory_object(
            user=user,
            queryset=selectors.session_queryset(user),
            pk=chosen_session.pk,
            event=events.PSYCHOEDUCATION_VIEW,
        )

    ctx, got = get(world.pro_a)
    assert got == chosen_session and ctx.trajectory == world.traj_a
    assert AccessLogEntry.objects.filter(actor=world.pro_a, action="view").count() == 1
    for user in (world.pro_b, world.researcher, world.admin, world.traj_b.client.user):
        with pytest.raises(Http404):
            get(user)
        # Refused, and logged with the client whose session it is.
        denied = AccessLogEntry.objects.filter(actor=user).get()
        assert denied.action == "denied" and denied.client_id == world.traj_a.client_id
    # The client sees it only once it is shared.
    with pytest.raises(Http404):
        get(world.traj_a.client.user)
    chosen_session.shared_with_client_at = timezone.now()
    chosen_session.save()
    assert get(world.traj_a.client.user)[1] == chosen_session


def test_strategy_texts_are_bilingual(strategies):
    from django.utils import translation

    s = strategies["wandelen"]
    with translation.override("en"):
        assert s.name == "Walking"
    with translation.override("nl"):
        assert s.name == "Wandelen"
    assert isinstance(s, Strategy)


def test_reminders_follow_the_adjusted_strategy(chosen_session, world):
    from doenvermogen.reminders.models import Reminder

    effect = chosen_session.effects.get(effect__code="veel-vergeten")
    agenda = services.strategy_add(
        session=chosen_session,
        author=world.pro_a,
        recognised_effect=effect,
        description="Afspraken in de agenda schrijven",
        reminder=services.ReminderRequest(
            first_at=timezone.now() + datetime.timedelta(days=1), repeat="daily"
        ),
    )
    new = services.strategy_adjust(
        strategy=agenda,
        author=world.pro_a,
        description="Briefje op de koelkast",
        reason="vergeet in de agenda te kijken",
    )
    reminder = Reminder.objects.get()
    assert reminder.strategy_ref == str(new.pk) and reminder.title == "Briefje op de koelkast"
    assert list(new.reminder_list) == [reminder] and not agenda.reminder_list.exists()


def _ctx(user, trajectory):
    return access_trajectory(user=user, trajectory_id=trajectory.pk, event=events.TRAJECTORY_VIEW)
