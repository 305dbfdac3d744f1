"""Forms for rooms: every placement can be typed here (the SVG editor fills the same fields)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.rooms.models import NAME_MAX, FurnitureItem, Opening, Placement

SIZE_MAX = 5000


def _cm(label, *, min_value: int = 1, max_value: int = SIZE_MAX, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=max_value,
        error_messages={
            "min_value": _("This must be at least %(limit_value)s cm.")
            if min_value > 0
            else _("This must be at least %(limit_value)s."),
            "max_value": _("This can be at most %(limit_value)s."),
            "invalid": _("Type a whole number, without cm."),
            "required": _("Fill this in."),
        },
        **kwargs,
    )


class RoomCreateForm(IdempotentFormMixin, forms.Form):
    name = forms.CharField(label=_("Name of the room"), max_length=NAME_MAX)
    location = forms.CharField(label=_("Building or address"), max_length=200, required=False)
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=None,
        required=False,
        empty_label=_("The whole organisation"),
    )
    width_cm = _cm(_("Width (cm)"), help_text=_("Wall to wall, left to right on the plan."))
    depth_cm = _cm(_("Depth (cm)"), help_text=_("Wall to wall, top to bottom on the plan."))
    budget_eur = forms.IntegerField(
        label=_("Budget (euro)"), min_value=0, max_value=1_000_000, initial=5000
    )

    def __init__(self, *args, teams=(), **kwargs):
        super().__init__(*args, **kwargs)
        from doenvermogen.accounts.models import Team

        self.fields["team"].queryset = Team.objects.filter(pk__in=[t.pk for t in teams])


class OutlineForm(forms.Form):
    outline = forms.CharField(
        label=_("Corner points (x,y in cm)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_(
            "One corner per line, walking around the room: for example 0,0 then 350,0 then "
            "350,620 then 0,620. Wall 1 runs from the first to the second corner."
        ),
    )

    def clean_outline(self) -> list[tuple[float, float]]:
        points = []
        text = self.cleaned_data["outline"].replace(";", "\n")
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            parts = [p for p in line.replace(" ", ",").split(",") if p]
            if len(parts) != 2:
                raise forms.ValidationError(
                    _("Each line needs two numbers, like 350,0. Look at: %(line)s"),
                    params={"line": line[:40]},
                )
            try:
                x, y = float(parts[0]), float(parts[1])
            except ValueError:
                raise forms.ValidationError(
                    _("Each line needs two numbers, like 350,0. Look at: %(line)s"),
                    params={"line": line[:40]},
                ) from None
            if x < 0 or y < 0:
                raise forms.ValidationError(_("Use numbers of 0 or more (cm from the top left)."))
            points.append((x, y))
        return points


class OpeningForm(IdempotentFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("What"), choices=Opening.Kind.choices)
    wall = _cm(_("Wall number"), max_value=100, help_text=_("The numbers are on the plan."))
    offset_cm = _cm(
        _("Distance from the start of the wall (cm)"),
        min_value=0,
        help_text=_("The start of wall 1 is the first corner point."),
    )
    width_cm = _cm(_("Width (cm)"))
    hinge = forms.ChoiceField(label=_("Hinges"), choices=Opening.Hinge.choices, initial="start")
    opens_inward = forms.BooleanField(label=_("Opens into the room"), required=False, initial=True)


SEAT_HELP = _("The professional's seat starts the way to the door; a client seat the sight line.")


class PlacementAddForm(IdempotentFormMixin, forms.Form):
    furniture = forms.ModelChoiceField(label=_("From the catalogue"), queryset=None)
    x_cm = _cm(_("x: cm from the left"), min_value=-SIZE_MAX)
    y_cm = _cm(_("y: cm from the top"), min_value=-SIZE_MAX)
    rotation = forms.IntegerField(
        label=_("Rotation (degrees, clockwise)"), min_value=0, max_value=359, initial=0
    )
    seat = forms.ChoiceField(
        label=_("Seat"), choices=Placement.Seat.choices, required=False, help_text=SEAT_HELP
    )
    owned = forms.BooleanField(label=_("Already there (no purchase)"), required=False)

    def __init__(self, *args, catalogue=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["furniture"].queryset = (
            catalogue if catalogue is not None else (FurnitureItem.objects.none())
        )


class PlacementForm(forms.Form):
    x_cm = _cm(_("x: cm from the left"), min_value=-SIZE_MAX)
    y_cm = _cm(_("y: cm from the top"), min_value=-SIZE_MAX)
    rotation = forms.IntegerField(
        label=_("Rotation (degrees)"), min_value=0, max_value=359, required=True
    )
    seat = forms.ChoiceField(label=_("Seat"), choices=Placement.Seat.choices, required=False)
    owned = forms.BooleanField(label=_("Already there"), required=False)
    maintained_by = forms.CharField(
        label=_("Who takes care of it"), max_length=NAME_MAX, required=False
    )


class FixForm(forms.Form):
    code = forms.CharField(max_length=60)
    action = forms.ChoiceField(
        choices=[(a, a) for a in ("move", "rotate", "swap", "add", "remove")]
    )
    item_key = forms.CharField(max_length=40, required=False)
    dx = forms.FloatField(required=False)
    dy = forms.FloatField(required=False)
    rotation = forms.FloatField(required=False)
    catalogue_code = forms.CharField(max_length=40, required=False)
    note = forms.CharField(max_length=300, required=False)


class FurnitureForm(IdempotentFormMixin, forms.ModelForm):
    class Meta:
        model = FurnitureItem
        fields = [
            "name",
            "category",
            "width_cm",
            "depth_cm",
            "price_eur",
            "height_adjustable",
            "wipeable",
            "child_friendly",
            "needs_maintenance",
            "seats",
            "note",
        ]

    def clean_width_cm(self):
        return self._positive("width_cm")

    def clean_depth_cm(self):
        return self._positive("depth_cm")

    def _positive(self, name):
        value = self.cleaned_data.get(name)
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Sizes must be more than 0 cm."))
        return value


ANSWERS = [(3, _("Yes")), (2, _("A little")), (1, _("No"))]


class SurveyForm(IdempotentFormMixin, forms.Form):
    welcome = forms.TypedChoiceField(
        label=_("Did you feel welcome here?"),
        choices=ANSWERS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    safe = forms.TypedChoiceField(
        label=_("Did you feel safe here?"), choices=ANSWERS, coerce=int, widget=forms.RadioSelect
    )
    friendly = forms.TypedChoiceField(
        label=_("Does the room look friendly?"),
        choices=ANSWERS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    free_to_talk = forms.TypedChoiceField(
        label=_("Did you feel free to talk about what matters to you?"),
        choices=ANSWERS,
        coerce=int,
        widget=forms.RadioSelect,
    )
