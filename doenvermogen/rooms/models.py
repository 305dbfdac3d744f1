"""Consultation rooms: the furniture catalogue, rooms, their versions (outline, doors, windows and
placed things) and the anonymous before/after questionnaire.

Rooms are not client data: they belong to an organisation (and optionally a team). Geometry lives
in rooms/geometry (no Django); ``RoomVersion.to_plan()`` turns a version into its ``Plan``.
"""

from __future__ import annotations

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel
from doenvermogen.rooms.geometry import model as geo

NAME_MAX = 120
DEFAULT_BUDGET = 5000


class FurnitureItem(IdempotentModel):
    """A catalogue entry. Shipped entries have no organisation; an organisation adds its own."""

    class Category(models.TextChoices):
        DESK = geo.DESK, _("desk")
        TABLE = geo.TABLE, _("table")
        CHAIR = geo.CHAIR, _("chair")
        SOFA = geo.SOFA, _("sofa")
        CABINET = geo.CABINET, _("cabinet")
        PLANT = geo.PLANT, _("plant")
        RUG = geo.RUG, _("rug")
        LAMP = geo.LAMP, _("lamp")
        PLAY = geo.PLAY, _("play and reading")
        FLOOR_LINE = geo.FLOOR_LINE, _("floor line")
        FIXED = geo.FIXED, _("fixed (sink, radiator)")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=NAME_MAX)
    category = models.CharField(_("kind"), max_length=20, choices=Category.choices)
    width_cm = models.PositiveIntegerField(
        _("width (cm)"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    depth_cm = models.PositiveIntegerField(
        _("depth (cm)"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    price_eur = models.PositiveIntegerField(_("price (euro)"), default=0)
    height_adjustable = models.BooleanField(_("height-adjustable"), default=False)
    wipeable = models.BooleanField(_("wipeable (easy to clean)"), default=False)
    child_friendly = models.BooleanField(_("suits children"), default=False)
    needs_maintenance = models.BooleanField(_("needs care"), default=False)
    seats = models.PositiveSmallIntegerField(_("seats"), default=0)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["category", "price_eur", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="rooms_furniture_unique_code"
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(organisation__isnull=True),
                name="rooms_furniture_unique_shipped_code",
            ),
        ]
        verbose_name = _("furniture item")
        verbose_name_plural = _("furniture catalogue")

    def __str__(self) -> str:
        return f"{self.name} ({self.width_cm} × {self.depth_cm} cm, € {self.price_eur})"

    def to_entry(self) -> geo.CatalogueEntry:
        return geo.CatalogueEntry(
            code=str(self.pk),
            name=self.name,
            category=self.category,
            width=self.width_cm,
            depth=self.depth_cm,
            price=self.price_eur,
            height_adjustable=self.height_adjustable,
            wipeable=self.wipeable,
            child_friendly=self.child_friendly,
            needs_maintenance=self.needs_maintenance,
            seats=self.seats,
        )


def _survey_token() -> str:
    return secrets.token_urlsafe(16)


class Room(IdempotentModel):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    team = models.ForeignKey(
        "accounts.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team"),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    location = models.CharField(_("building or address"), max_length=200, blank=True)
    budget_eur = models.PositiveIntegerField(_("budget (euro)"), default=DEFAULT_BUDGET)
    survey_token = models.CharField(max_length=40, unique=True, default=_survey_token)
    version_in_use = models.ForeignKey(
        "rooms.RoomVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The version that stands in the room now; survey answers are about it.",
    )
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return self.name


class RoomVersion(models.Model):
    """One state of a room's layout. A fix or auto-arrange makes a new version; the old stays."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    outline = models.JSONField(_("outline"), default=list)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["room", "number"]
        constraints = [
            models.UniqueConstraint(fields=["room", "number"], name="rooms_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.room} v{self.number}"

    def to_plan(self) -> geo.Plan:
        openings = tuple(o.to_opening() for o in self.openings.all())
        items = tuple(p.to_item() for p in self.placements.select_related("furniture"))
        return geo.Plan(
            outline=tuple((float(x), float(y)) for x, y in self.outline),
            openings=openings,
            items=items,
            budget_limit=self.room.budget_eur,
        )


class Opening(IdempotentModel):
    class Kind(models.TextChoices):
        DOOR = "door", _("door")
        CONNECTING_DOOR = "connecting_door", _("connecting door")
        WINDOW = "window", _("window")

    class Hinge(models.TextChoices):
        START = "start", _("at the start of the wall")
        END = "end", _("at the end of the wall")

    version = models.ForeignKey(RoomVersion, on_delete=models.CASCADE, related_name="openings")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DOOR)
    wall = models.PositiveSmallIntegerField(_("wall"))  # 0-based; forms show 1-based
    offset_cm = models.PositiveIntegerField(_("distance from the start of the wall (cm)"))
    width_cm = models.PositiveIntegerField(_("width (cm)"))
    hinge = models.CharField(_("hinges"), max_length=10, choices=Hinge.choices, default="start")
    opens_inward = models.BooleanField(_("opens into the room"), default=True)

    class Meta:
        ordering = ["version", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    def to_opening(self) -> geo.Opening:
        return geo.Opening(
            key=f"o{self.pk}",
            wall=self.wall,
            offset=self.offset_cm,
            width=self.width_cm,
            kind=self.kind,
            hinge=self.hinge,
            opens_inward=self.opens_inward,
        )


class Placement(IdempotentModel):
    class Seat(models.TextChoices):
        NONE = "", _("not a seat for the conversation")
        PROFESSIONAL = geo.SEAT_PROFESSIONAL, _("the professional's seat")
        CLIENT = geo.SEAT_CLIENT, _("a seat for the client")

    version = models.ForeignKey(RoomVersion, on_delete=models.CASCADE, related_name="placements")
    furniture = models.ForeignKey(FurnitureItem, on_delete=models.PROTECT, related_name="+")
    label = models.CharField(_("own name"), max_length=NAME_MAX, blank=True)
    x_cm = models.IntegerField(_("x (cm from the left)"))
    y_cm = models.IntegerField(_("y (cm from the top)"))
    rotation = models.PositiveSmallIntegerField(_("rotation (degrees)"), default=0)
    owned = models.BooleanField(_("already there (no purchase)"), default=False)
    seat = models.CharField(_("seat"), max_length=20, choices=Seat.choices, blank=True)
    maintained_by = models.CharField(_("who takes care of it"), max_length=NAME_MAX, blank=True)

    class Meta:
        ordering = ["version", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.label or self.furniture.name

    @property
    def key(self) -> str:
        return f"p{self.pk}"

    def to_item(self) -> geo.Item:
        f = self.furniture
        return geo.Item(
            key=self.key,
            name=self.name,
            category=f.category,
            width=f.width_cm,
            depth=f.depth_cm,
            x=self.x_cm,
            y=self.y_cm,
            rotation=self.rotation,
            price=f.price_eur,
            owned=self.owned,
            height_adjustable=f.height_adjustable,
            wipeable=f.wipeable,
            child_friendly=f.child_friendly,
            needs_maintenance=f.needs_maintenance,
            maintained=bool(self.maintained_by.strip()),
            seats=f.seats,
            seat=self.seat,
            catalogue_code=str(f.pk),
        )


class SurveyResponse(IdempotentModel):
    """One anonymous answer to the four questions of the pilot, about one version of a room."""

    class Score(models.IntegerChoices):
        NO = 1, _("No")
        A_BIT = 2, _("A little")
        YES = 3, _("Yes")

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="survey_responses")
    version = models.ForeignKey(RoomVersion, on_delete=models.CASCADE, related_name="+")
    welcome = models.PositiveSmallIntegerField(choices=Score.choices)
    safe = models.PositiveSmallIntegerField(choices=Score.choices)
    friendly = models.PositiveSmallIntegerField(choices=Score.choices)
    free_to_talk = models.PositiveSmallIntegerField(choices=Score.choices)
    answered_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["room", "answered_on"]
