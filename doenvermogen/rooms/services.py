"""Every write for consultation rooms: rooms, versions, doors and windows, placements, fixes,
auto-arrange, the organisation's own catalogue items and anonymous survey answers.

Each change that touches the plan is checked by the geometry engine first: input that cannot be a
room raises ``PlanError`` (the transaction is undone; views show ``texts.error_message``).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from doenvermogen.accounts.models import Organisation, Team, User
from doenvermogen.core.idempotency import create_once
from doenvermogen.rooms.geometry import arrange, check_plan, fixes
from doenvermogen.rooms.geometry.model import Plan, PlanError, validate_outline, validate_plan
from doenvermogen.rooms.models import (
    FurnitureItem,
    Opening,
    Placement,
    Room,
    RoomVersion,
    SurveyResponse,
)
from doenvermogen.rooms.selectors import catalogue_entries


def _validate(version: RoomVersion) -> None:
    validate_plan(version.to_plan())


@transaction.atomic
def room_create(
    *,
    organisation: Organisation,
    team: Team | None,
    author: User,
    name: str,
    width_cm: int,
    depth_cm: int,
    location: str = "",
    budget_eur: int = 5000,
    idempotency_key: str = "",
) -> Room:
    """A room with a rectangular first version of ``width_cm`` × ``depth_cm``."""
    if width_cm <= 0 or depth_cm <= 0:
        raise PlanError("size.negative", name=name)
    outline = [[0, 0], [width_cm, 0], [width_cm, depth_cm], [0, depth_cm]]
    validate_outline([tuple(p) for p in outline])

    def create(key):
        room = Room.objects.create(
            organisation=organisation,
            team=team,
            name=name,
            location=location,
            budget_eur=budget_eur,
            created_by=author,
            idempotency_key=key,
        )
        RoomVersion.objects.create(room=room, number=1, outline=outline, created_by=author)
        return room

    room, _ = create_once(
        Room, key=idempotency_key, scope={"organisation": organisation}, create=create
    )
    return room


@transaction.atomic
def version_outline_set(*, version: RoomVersion, outline: list[tuple[float, float]]) -> None:
    validate_outline(outline)
    version.outline = [[round(x, 1), round(y, 1)] for x, y in outline]
    version.save(update_fields=["outline"])
    _validate(version)


@transaction.atomic
def version_copy(*, version: RoomVersion, author: User, note: str = "") -> RoomVersion:
    """A new version that starts as a copy of ``version`` (to try changes and compare)."""
    return _version_from_plan(
        version=version, plan=version.to_plan(), author=author, note=note, catalogue_ids={}
    )


def _version_from_plan(
    *, version: RoomVersion, plan: Plan, author: User, note: str, catalogue_ids: dict
) -> RoomVersion:
    room = version.room
    number = (room.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    new = RoomVersion.objects.create(
        room=room, number=number, outline=version.outline, note=note[:300], created_by=author
    )
    for o in version.openings.all():
        Opening.objects.create(
            version=new,
            kind=o.kind,
            wall=o.wall,
            offset_cm=o.offset_cm,
            width_cm=o.width_cm,
            hinge=o.hinge,
            opens_inward=o.opens_inward,
        )
    old = {p.key: p for p in version.placements.select_related("furniture")}
    for item in plan.items:
        source = old.get(item.key)
        furniture_id = int(item.catalogue_code) if item.catalogue_code else source.furniture_id
        same_thing = source is not None and source.furniture_id == furniture_id
        Placement.objects.create(
            version=new,
            furniture_id=furniture_id,
            label=source.label if same_thing else "",
            x_cm=round(item.x),
            y_cm=round(item.y),
            rotation=round(item.rotation) % 360,
            owned=source.owned if same_thing else False,
            seat=item.seat,
            maintained_by=source.maintained_by if source else "",
        )
    _validate(new)
    return new


@transaction.atomic
def version_mark_in_use(*, version: RoomVersion) -> None:
    """This version is how the room is now: new survey answers are about this version."""
    room = version.room
    room.version_in_use = version
    room.save(update_fields=["version_in_use"])


@transaction.atomic
def opening_add(
    *,
    version: RoomVersion,
    kind: str,
    wall: int,
    offset_cm: int,
    width_cm: int,
    hinge: str = "start",
    opens_inward: bool = True,
    idempotency_key: str = "",
) -> Opening:
    def create(key):
        opening = Opening.objects.create(
            version=version,
            kind=kind,
            wall=wall,
            offset_cm=offset_cm,
            width_cm=width_cm,
            hinge=hinge,
            opens_inward=opens_inward,
            idempotency_key=key,
        )
        _validate(version)
        return opening

    opening, _ = create_once(
        Opening, key=idempotency_key, scope={"version": version}, create=create
    )
    return opening


@transaction.atomic
def opening_remove(*, opening: Opening) -> None:
    opening.delete()


@transaction.atomic
def placement_add(
    *,
    version: RoomVersion,
    furniture: FurnitureItem,
    x_cm: int,
    y_cm: int,
    rotation: int = 0,
    owned: bool = False,
    seat: str = "",
    label: str = "",
    maintained_by: str = "",
    idempotency_key: str = "",
) -> Placement:
    def create(key):
        placement = Placement.objects.create(
            version=version,
            furniture=furniture,
            x_cm=x_cm,
            y_cm=y_cm,
            rotation=rotation % 360,
            owned=owned,
            seat=seat,
            label=label,
            maintained_by=maintained_by,
            idempotency_key=key,
        )
        _validate(version)
        return placement

    placement, _ = create_once(
        Placement, key=idempotency_key, scope={"version": version}, create=create
    )
    return placement


@transaction.atomic
def placement_update(*, placement: Placement, **fields) -> Placement:
    allowed = {"x_cm", "y_cm", "rotation", "owned", "seat", "label", "maintained_by"}
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(placement, name, value % 360 if name == "rotation" else value)
    placement.save()
    _validate(placement.version)
    return placement


@transaction.atomic
def placement_remove(*, placement: Placement) -> None:
    placement.delete()


class FixNoLongerFits(Exception):
    """The plan changed since the suggestion was made: the fix does not solve the check now."""


@transaction.atomic
def fix_apply(
    *,
    version: RoomVersion,
    author: User,
    code: str,
    action: str,
    note: str,
    item_key: str = "",
    dx: float = 0,
    dy: float = 0,
    rotation: float | None = None,
    catalogue_code: str = "",
) -> RoomVersion:
    """A new version with the fix applied, after checking that it still solves ``code``."""
    plan = version.to_plan()
    catalogue = catalogue_entries(version.room.organisation_id)
    try:
        after = fixes.rebuild(
            plan,
            catalogue,
            action=action,
            item_key=item_key,
            dx=dx,
            dy=dy,
            rotation=rotation,
            catalogue_code=catalogue_code,
        )
    except (KeyError, ValueError) as exc:
        raise FixNoLongerFits from exc
    if code in check_plan(after).failing_codes():
        raise FixNoLongerFits
    return _version_from_plan(
        version=version, plan=after, author=author, note=note, catalogue_ids={}
    )


@transaction.atomic
def arrange_apply(
    *, version: RoomVersion, author: User, note: str, time_limit: float = 8.0
) -> tuple[RoomVersion | None, arrange.ArrangeResult]:
    result = arrange.auto_arrange(version.to_plan(), time_limit=time_limit)
    if not result.found:
        return None, result
    new = _version_from_plan(
        version=version, plan=result.plan, author=author, note=note, catalogue_ids={}
    )
    return new, result


@transaction.atomic
def furniture_create(
    *, organisation: Organisation, idempotency_key: str = "", **fields
) -> FurnitureItem:
    def create(key):
        return FurnitureItem.objects.create(
            organisation=organisation, idempotency_key=key, **fields
        )

    item, _ = create_once(
        FurnitureItem, key=idempotency_key, scope={"organisation": organisation}, create=create
    )
    return item


@transaction.atomic
def survey_response_create(
    *, room: Room, welcome: int, safe: int, friendly: int, free_to_talk: int, idempotency_key: str
) -> SurveyResponse:
    """An anonymous answer about the room as it is now (its latest version)."""
    version = room.version_in_use or room.versions.first()

    def create(key):
        return SurveyResponse.objects.create(
            room=room,
            version=version,
            welcome=welcome,
            safe=safe,
            friendly=friendly,
            free_to_talk=free_to_talk,
            idempotency_key=key,
        )

    response, _ = create_once(
        SurveyResponse, key=idempotency_key, scope={"room": room}, create=create
    )
    return response
