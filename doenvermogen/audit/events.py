"""The access log's vocabulary: every event an app may write, with a typed object kind.

One module of named events (after open-forms' ``logging/logevent.py`` and Zulip's audit event
types): a call site names ``events.GOAL_PLAN_VIEW``, never a free-text label. The event fixes the
object kind and the action; its Dutch description is what the administrator's CSV export and the
admin's access-log pages show. A refused attempt is written by ``log_denied`` with the event that
was attempted and the action ``denied``.

Apps add their events here (this module imports nothing from any app: audit is the bottom layer).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LIST = "list", _("listed")
    VIEW = "view", _("viewed")
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    EXPORT = "export", _("exported")
    PRINT = "print", _("printed")
    DENIED = "denied", _("access refused")


class Purpose(models.TextChoices):
    """Why the data was used (NEN 7513: the reason of the access)."""

    CARE = "care", _("help for the client")
    OWN = "own", _("the client's own use")
    ACCESS_REQUEST = "access_request", _("request to see one's data")
    DELIVERY = "delivery", _("sending what the client asked for")
    TEAM = "team", _("team meeting (counts only)")


class Kind(models.TextChoices):
    """What kind of client data an event is about."""

    CLIENT = "client", _("client record")
    TRAJECTORY = "trajectory", _("trajectory")
    INVOLVEMENT = "involvement", _("who is involved")
    CONSENT = "consent", _("consent")
    CLIENT_LINK = "client_link", _("personal link")
    CALENDAR_FEED = "calendar_feed", _("calendar link")
    PSYCHOEDUCATION = "psychoeducation", _("psycho-education")
    STRATEGY = "strategy", _("strategy")
    STRATEGY_REVIEW = "strategy_review", _("review of strategies")
    GOAL_PLAN = "goal_plan", _("goal plan")
    GOAL_STEP = "goal_step", _("small step")
    REWARD = "reward", _("reward")
    EXECUTIVE_SKILLS = "executive_skills", _("what is easy and hard")
    APPOINTMENT = "appointment", _("appointment")
    REMINDER = "reminder", _("reminder")
    DELIVERY = "delivery", _("reminder sent")
    MONEY_CHECK = "money_check", _("money check")
    MEASUREMENT = "measurement", _("measurement")
    PERSONAL_DATA = "personal_data", _("all data kept")
    ACCESS_LOG = "access_log", _("access log")


@dataclass(frozen=True)
class Event:
    code: str
    kind: Kind
    action: Action
    description: Promise

    def __str__(self) -> str:
        return self.code


EVENTS: dict[str, Event] = {}


def _event(code: str, kind: Kind, action: Action, description: Promise) -> Event:
    if code in EVENTS:
        raise ValueError(f"access-log event {code!r} defined twice")
    EVENTS[code] = event = Event(code, kind, action, description)
    return event


def event_for_code(code: str) -> Event | None:
    return EVENTS.get(code)


A, K = Action, Kind

# Client record and trajectory
CLIENT_LIST = _event("client.list", K.CLIENT, A.LIST, _("saw the name in a list of clients"))
CLIENT_VIEW = _event("client.view", K.CLIENT, A.VIEW, _("looked at the client record"))
CLIENT_CREATE = _event("client.create", K.CLIENT, A.CREATE, _("made the client record"))
CLIENT_UPDATE = _event("client.update", K.CLIENT, A.UPDATE, _("changed the client record"))
CLIENT_OWN_PAGE = _event("client.own_page", K.CLIENT, A.VIEW, _("opened their own page"))
CLIENT_SIGN_IN = _event("client.sign_in", K.CLIENT_LINK, A.VIEW, _("signed in with a link"))
TRAJECTORY_VIEW = _event("trajectory.view", K.TRAJECTORY, A.VIEW, _("looked at the trajectory"))
TRAJECTORY_CREATE = _event("trajectory.create", K.TRAJECTORY, A.CREATE, _("started a trajectory"))
TRAJECTORY_END = _event("trajectory.end", K.TRAJECTORY, A.UPDATE, _("ended the trajectory"))
INVOLVEMENT_UPDATE = _event(
    "involvement.update", K.INVOLVEMENT, A.UPDATE, _("changed who is involved")
)
CONSENT_CREATE = _event("consent.create", K.CONSENT, A.CREATE, _("recorded a consent"))
CONSENT_WITHDRAW = _event("consent.withdraw", K.CONSENT, A.UPDATE, _("recorded a withdrawal"))
CLIENT_LINK_CREATE = _event("client_link.create", K.CLIENT_LINK, A.CREATE, _("made a link"))
CLIENT_LINK_VIEW = _event("client_link.view", K.CLIENT_LINK, A.VIEW, _("showed the link"))
CLIENT_LINK_REVOKE = _event("client_link.revoke", K.CLIENT_LINK, A.UPDATE, _("stopped a link"))
CALENDAR_FEED_CREATE = _event(
    "calendar_feed.create", K.CALENDAR_FEED, A.CREATE, _("made a calendar link")
)
CALENDAR_FEED_VIEW = _event(
    "calendar_feed.view", K.CALENDAR_FEED, A.VIEW, _("looked at the calendar link")
)
CALENDAR_FEED_READ = _event(
    "calendar_feed.read", K.CALENDAR_FEED, A.EXPORT, _("calendar app fetched the reminders")
)
CALENDAR_FEED_REVOKE = _event(
    "calendar_feed.revoke", K.CALENDAR_FEED, A.UPDATE, _("stopped the calendar link")
)

# Psycho-education
PSYCHOEDUCATION_VIEW = _event(
    "psychoeducation.view", K.PSYCHOEDUCATION, A.VIEW, _("looked at psycho-education")
)
PSYCHOEDUCATION_GATE = _event(
    "psychoeducation.gate", K.PSYCHOEDUCATION, A.CREATE, _("asked about stress")
)
PSYCHOEDUCATION_START = _event(
    "psychoeducation.start", K.PSYCHOEDUCATION, A.CREATE, _("started psycho-education")
)
PSYCHOEDUCATION_UPDATE = _event(
    "psychoeducation.update", K.PSYCHOEDUCATION, A.UPDATE, _("worked on psycho-education")
)
PSYCHOEDUCATION_SHARE = _event(
    "psychoeducation.share", K.PSYCHOEDUCATION, A.UPDATE, _("shared the plan with the client")
)
PSYCHOEDUCATION_STOP = _event(
    "psychoeducation.stop", K.PSYCHOEDUCATION, A.UPDATE, _("stopped psycho-education")
)
PSYCHOEDUCATION_PRINT = _event(
    "psychoeducation.print", K.PSYCHOEDUCATION, A.PRINT, _("printed the talk chart")
)
STRATEGY_CREATE = _event("strategy.create", K.STRATEGY, A.CREATE, _("added a strategy"))
STRATEGY_UPDATE = _event("strategy.update", K.STRATEGY, A.UPDATE, _("changed a strategy"))
STRATEGY_STEP_DONE = _event(
    "strategy.step_done", K.STRATEGY, A.UPDATE, _("ticked off a small step of a strategy")
)
STRATEGY_DELETE = _event("strategy.delete", K.STRATEGY, A.DELETE, _("removed a strategy"))
STRATEGY_REVIEW_CREATE = _event(
    "strategy_review.create", K.STRATEGY_REVIEW, A.CREATE, _("looked back on the strategies")
)
PSYCHOEDUCATION_TEAM_OVERVIEW = _event(
    "psychoeducation.team_overview", K.PSYCHOEDUCATION, A.LIST, _("counted in the team overview")
)

# Goals
GOAL_PLAN_VIEW = _event("goal_plan.view", K.GOAL_PLAN, A.VIEW, _("looked at a goal plan"))
GOAL_PLAN_CREATE = _event("goal_plan.create", K.GOAL_PLAN, A.CREATE, _("made a goal plan"))
GOAL_PLAN_UPDATE = _event("goal_plan.update", K.GOAL_PLAN, A.UPDATE, _("changed a goal plan"))
GOAL_PLAN_REVIEW = _event(
    "goal_plan.review", K.GOAL_PLAN, A.UPDATE, _("looked back on a goal plan")
)
GOAL_STEP_CREATE = _event("goal_step.create", K.GOAL_STEP, A.CREATE, _("added a small step"))
GOAL_STEP_UPDATE = _event("goal_step.update", K.GOAL_STEP, A.UPDATE, _("changed a small step"))
GOAL_STEP_DONE = _event("goal_step.done", K.GOAL_STEP, A.UPDATE, _("ticked off a small step"))
REWARD_CREATE = _event("reward.create", K.REWARD, A.CREATE, _("agreed a reward"))
REWARD_UPDATE = _event("reward.update", K.REWARD, A.UPDATE, _("changed a reward"))
EXECUTIVE_SKILLS_VIEW = _event(
    "executive_skills.view", K.EXECUTIVE_SKILLS, A.VIEW, _("looked at what is easy and hard")
)
EXECUTIVE_SKILLS_CREATE = _event(
    "executive_skills.create", K.EXECUTIVE_SKILLS, A.CREATE, _("filled in what is easy and hard")
)

# Reminders and appointments
REMINDER_LIST = _event("reminder.list", K.REMINDER, A.VIEW, _("looked at the reminders"))
REMINDER_CREATE = _event("reminder.create", K.REMINDER, A.CREATE, _("set a reminder"))
REMINDER_UPDATE = _event("reminder.update", K.REMINDER, A.UPDATE, _("changed a reminder"))
REMINDER_STOP = _event("reminder.stop", K.REMINDER, A.UPDATE, _("stopped a reminder"))
REMINDER_DOWNLOAD = _event("reminder.download", K.REMINDER, A.EXPORT, _("downloaded a reminder"))
DELIVERY_SEND = _event("delivery.send", K.DELIVERY, A.EXPORT, _("sent a reminder e-mail"))
DELIVERY_RETRY = _event("delivery.retry", K.DELIVERY, A.UPDATE, _("tried a reminder again"))
APPOINTMENT_VIEW = _event("appointment.view", K.APPOINTMENT, A.VIEW, _("looked at an appointment"))
APPOINTMENT_CREATE = _event("appointment.create", K.APPOINTMENT, A.CREATE, _("made an appointment"))
APPOINTMENT_UPDATE = _event(
    "appointment.update", K.APPOINTMENT, A.UPDATE, _("changed an appointment")
)
APPOINTMENT_MOVE_REQUEST = _event(
    "appointment.move_request", K.APPOINTMENT, A.UPDATE, _("asked to move an appointment")
)
APPOINTMENT_CANCEL = _event(
    "appointment.cancel", K.APPOINTMENT, A.UPDATE, _("cancelled an appointment")
)

# Geldrust, research, the client's rights
MONEY_CHECK_VIEW = _event("money_check.view", K.MONEY_CHECK, A.VIEW, _("looked at a money check"))
MONEY_CHECK_CREATE = _event("money_check.create", K.MONEY_CHECK, A.CREATE, _("did a money check"))
MONEY_CHECK_UPDATE = _event(
    "money_check.update", K.MONEY_CHECK, A.UPDATE, _("recorded what came of a scheme")
)
MONEY_CHECK_PRINT = _event("money_check.print", K.MONEY_CHECK, A.PRINT, _("printed a money check"))
MEASUREMENT_VIEW = _event("measurement.view", K.MEASUREMENT, A.VIEW, _("looked at a measurement"))
MEASUREMENT_CREATE = _event(
    "measurement.create", K.MEASUREMENT, A.CREATE, _("filled in a measurement")
)
RESEARCH_EXPORT = _event(
    "research.export", K.MEASUREMENT, A.EXPORT, _("exported anonymised research data")
)
PERSONAL_DATA_EXPORT = _event(
    "personal_data.export", K.PERSONAL_DATA, A.EXPORT, _("downloaded all data kept")
)
PERSONAL_DATA_ERASE = _event(
    "personal_data.erase", K.PERSONAL_DATA, A.DELETE, _("removed personal data after retention")
)
ACCESS_LOG_VIEW = _event("access_log.view", K.ACCESS_LOG, A.VIEW, _("looked at the access log"))
ACCESS_LOG_EXPORT = _event(
    "access_log.export", K.ACCESS_LOG, A.EXPORT, _("exported the access log")
)

# Research (the research app): enrolment and opening the post-measurement
RESEARCH_ENROL = _event(
    "research.enrol", K.MEASUREMENT, A.CREATE, _("enrolled the client in a study")
)
RESEARCH_POST_OPEN = _event(
    "research.post_open", K.MEASUREMENT, A.UPDATE, _("opened the post-measurement")
)
# Single sign-on and DigiD (doenvermogen.sso)
CLIENT_DIGID_SIGN_IN = _event(
    "client.digid_sign_in", K.CLIENT_LINK, A.VIEW, _("signed in with DigiD")
)
CLIENT_DIGID_LINK = _event(
    "client.digid_link", K.CLIENT_LINK, A.CREATE, _("linked DigiD to the client record")
)
CLIENT_DIGID_UNLINK = _event(
    "client.digid_unlink", K.CLIENT_LINK, A.DELETE, _("removed the DigiD link")
)
# The client's rights (doenvermogen.privacy)
PERSONAL_DATA_EXPORT_REQUEST = _event(
    "personal_data.export_request",
    K.PERSONAL_DATA,
    A.EXPORT,
    _("made a download of all data kept, on request"),
)

del A, K
