"""Thin views for consultation rooms: list, plan with checks and suggestions, edits by form (and
by the SVG editor, which posts the same forms), fixes, auto-arrange, PDF, comparison, catalogue and
the anonymous before/after questionnaire."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.accounts.models import Organisation
from doenvermogen.core.idempotency import IdempotencyConflict, new_key
from doenvermogen.rooms import selectors, services, svg, texts
from doenvermogen.rooms.forms import (
    FixForm,
    FurnitureForm,
    OpeningForm,
    OutlineForm,
    PlacementAddForm,
    PlacementForm,
    RoomCreateForm,
    SurveyForm,
)
from doenvermogen.rooms.geometry import check_plan
from doenvermogen.rooms.geometry.fixes import suggest_fixes
from doenvermogen.rooms.geometry.model import PlanError, validate_plan
from doenvermogen.rooms.models import Opening, Placement
from doenvermogen.ui.decorators import staff_required
from doenvermogen.ui.pdf import pdf_response

SUGGESTION_SECONDS = 5.0


@login_required
@staff_required
def room_list(request):
    orgs = selectors.organisations_for_creating(request.user)
    form = None
    if orgs:
        teams = selectors.manageable_teams(request.user, orgs[0])
        form = RoomCreateForm(request.POST or None, teams=teams)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                room = services.room_create(
                    organisation=Organisation.objects.get(pk=orgs[0]),
                    team=data["team"],
                    author=request.user,
                    name=data["name"],
                    location=data["location"],
                    width_cm=data["width_cm"],
                    depth_cm=data["depth_cm"],
                    budget_eur=data["budget_eur"],
                    idempotency_key=data["idempotency_key"],
                )
            except PlanError as exc:
                form.add_error(None, texts.error_message(exc))
            except IdempotencyConflict:
                form.add_error(
                    None, _("This form was already used. Look at the plan and try again.")
                )
            else:
                messages.success(request, _("The room is made. Now add the doors and furniture."))
                return redirect("rooms:detail", room_id=room.pk)
    elif request.method == "POST":
        raise PermissionDenied
    rooms = selectors.rooms_for_user(request.user)
    return render(request, "rooms/list.html", {"rooms": rooms, "form": form})


def _findings_rows(report):
    rows = []
    number = 0
    for f in report.findings:
        mark = None
        if f.is_violation:
            number += 1
            mark = number
        rows.append(
            {
                "finding": f,
                "title": texts.title(f.code),
                "text": texts.explain(f),
                "mark": mark,
                "status": "ok" if f.ok else ("advice" if not f.is_violation else "problem"),
            }
        )
    return rows


def _plan_svg(plan, report, title, **kwargs):
    return mark_safe(  # noqa: S308 - svg.render escapes every text it writes
        svg.render(plan, report, title=title, marks=svg.marks_for(report, plan), **kwargs)
    )


def _detail_context(request, room, version, **forms):
    plan = version.to_plan()
    manage = selectors.can_manage(request.user, room)
    latest = room.versions.last()
    editable = manage and version.pk == latest.pk
    catalogue = selectors.catalogue_for_organisation(room.organisation_id)
    error = None
    try:
        validate_plan(plan)
    except PlanError as exc:
        error = texts.error_message(exc)
    report = check_plan(plan)
    placements = list(version.placements.select_related("furniture"))
    suggestions = []
    if editable and report.violations and request.GET.get("suggest", "1") != "0":
        for finding, fix in suggest_fixes(
            plan,
            report,
            selectors.catalogue_entries(room.organisation_id),
            time_limit=SUGGESTION_SECONDS,
        ):
            row = {"title": texts.title(finding.code), "text": texts.describe_fix(fix), "fix": fix}
            if fix is not None and fix.plan_after is not None:
                after_report = check_plan(fix.plan_after)
                row["svg"] = _plan_svg(
                    fix.plan_after,
                    after_report,
                    _("The plan after: %(fix)s") % {"fix": row["text"]},
                    element_id=f"after-{finding.code.replace('.', '-')}",
                )
                row["form"] = FixForm(
                    initial={
                        "code": finding.code,
                        "action": fix.action,
                        "item_key": fix.item_key,
                        "dx": fix.dx,
                        "dy": fix.dy,
                        "rotation": fix.rotation,
                        "catalogue_code": fix.catalogue_code,
                        "note": row["text"],
                    }
                )
                row["after_violations"] = len(after_report.violations)
            suggestions.append(row)
    placement_rows = [
        {
            "placement": p,
            "item": p.to_item(),
            "form": forms.get(f"placement_{p.pk}")
            or PlacementForm(
                prefix=f"p{p.pk}",
                initial={
                    "x_cm": p.x_cm,
                    "y_cm": p.y_cm,
                    "rotation": p.rotation,
                    "seat": p.seat,
                    "owned": p.owned,
                    "maintained_by": p.maintained_by,
                },
            ),
        }
        for p in placements
    ]
    shopping = [r for r in placement_rows if r["item"].cost > 0]
    return {
        "room": room,
        "version": version,
        "versions": list(room.versions.all()),
        "latest": latest,
        "manage": manage,
        "editable": editable,
        "error": error,
        "report": report,
        "rows": _findings_rows(report),
        "violations": len(report.violations),
        "svg": _plan_svg(
            plan,
            report,
            _("Plan of %(room)s, version %(n)s") % {"room": room.name, "n": version.number},
            editable=editable,
            placement_ids={p.key: p.pk for p in placements},
        ),
        "placement_rows": placement_rows,
        "openings": list(version.openings.all()),
        "shopping": shopping,
        "total": plan.total_cost,
        "suggestions": suggestions,
        "add_form": forms.get("add_form") or PlacementAddForm(catalogue=catalogue),
        "opening_form": forms.get("opening_form") or OpeningForm(),
        "outline_form": forms.get("outline_form")
        or OutlineForm(initial={"outline": "\n".join(f"{x:g},{y:g}" for x, y in version.outline)}),
        "open_form": forms.get("open_form", ""),
    }


@login_required
@staff_required
def room_detail(request, room_id: int, number: int | None = None):
    room = selectors.room_get_for_user(request.user, room_id)
    version = selectors.version_get(room, number)
    return render(request, "rooms/detail.html", _detail_context(request, room, version))


def _editable(request, room_id: int):
    room = selectors.room_get_for_user(request.user, room_id, manage=True)
    return room, room.versions.last()


def _back(room, version, anchor: str = ""):
    response = redirect("rooms:detail", room_id=room.pk)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _rerender(request, room, version, **forms):
    messages.error(request, _("That did not work. Look at the note at the form."))
    return render(
        request, "rooms/detail.html", _detail_context(request, room, version, **forms), status=200
    )


@require_POST
@login_required
@staff_required
def placement_add(request, room_id: int):
    room, version = _editable(request, room_id)
    catalogue = selectors.catalogue_for_organisation(room.organisation_id)
    form = PlacementAddForm(request.POST, catalogue=catalogue)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.placement_add(
                version=version,
                furniture=data["furniture"],
                x_cm=data["x_cm"],
                y_cm=data["y_cm"],
                rotation=data["rotation"] or 0,
                seat=data["seat"] or "",
                owned=data["owned"],
                idempotency_key=data["idempotency_key"],
            )
        except PlanError as exc:
            form.add_error(None, texts.error_message(exc))
        except IdempotencyConflict:
            form.add_error(None, _("This form was already used. Look at the plan and try again."))
        else:
            messages.success(request, _("%(name)s is placed.") % {"name": data["furniture"].name})
            return _back(room, version, "plan-heading")
    return _rerender(request, room, version, add_form=form, open_form="add")


@require_POST
@login_required
@staff_required
def placement_update(request, room_id: int, placement_id: int):
    room, version = _editable(request, room_id)
    placement = get_object_or_404(Placement, pk=placement_id, version=version)
    if request.POST.get("remove"):
        services.placement_remove(placement=placement)
        messages.success(request, _("%(name)s is removed.") % {"name": placement.name})
        return _back(room, version, "furniture")
    form = PlacementForm(request.POST, prefix=f"p{placement.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.placement_update(
                placement=placement,
                x_cm=data["x_cm"],
                y_cm=data["y_cm"],
                rotation=data["rotation"],
                seat=data["seat"] or "",
                owned=data["owned"],
                maintained_by=data["maintained_by"],
            )
        except PlanError as exc:
            form.add_error(None, texts.error_message(exc))
        except IdempotencyConflict:
            form.add_error(None, _("This form was already used. Look at the plan and try again."))
        else:
            messages.success(request, _("%(name)s is saved.") % {"name": placement.name})
            return _back(room, version, "plan-heading")
    return _rerender(request, room, version, **{f"placement_{placement.pk}": form})


@require_POST
@login_required
@staff_required
def opening_add(request, room_id: int):
    room, version = _editable(request, room_id)
    form = OpeningForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.opening_add(
                version=version,
                kind=data["kind"],
                wall=data["wall"] - 1,
                offset_cm=data["offset_cm"],
                width_cm=data["width_cm"],
                hinge=data["hinge"],
                opens_inward=data["opens_inward"],
                idempotency_key=data["idempotency_key"],
            )
        except PlanError as exc:
            form.add_error(None, texts.error_message(exc))
        except IdempotencyConflict:
            form.add_error(None, _("This form was already used. Look at the plan and try again."))
        else:
            messages.success(request, _("The door or window is added."))
            return _back(room, version, "walls")
    return _rerender(request, room, version, opening_form=form, open_form="opening")


@require_POST
@login_required
@staff_required
def opening_remove(request, room_id: int, opening_id: int):
    room, version = _editable(request, room_id)
    opening = get_object_or_404(Opening, pk=opening_id, version=version)
    services.opening_remove(opening=opening)
    messages.success(request, _("The door or window is removed."))
    return _back(room, version, "walls")


@require_POST
@login_required
@staff_required
def outline_set(request, room_id: int):
    room, version = _editable(request, room_id)
    form = OutlineForm(request.POST)
    if form.is_valid():
        try:
            services.version_outline_set(version=version, outline=form.cleaned_data["outline"])
        except PlanError as exc:
            form.add_error("outline", texts.error_message(exc))
        else:
            messages.success(request, _("The walls are saved."))
            return _back(room, version, "walls")
    return _rerender(request, room, version, outline_form=form, open_form="outline")


@require_POST
@login_required
@staff_required
def fix_apply(request, room_id: int):
    room, version = _editable(request, room_id)
    form = FixForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This suggestion could not be read. Reload the page."))
        return _back(room, version)
    d = form.cleaned_data
    try:
        new = services.fix_apply(
            version=version,
            author=request.user,
            code=d["code"],
            action=d["action"],
            item_key=d["item_key"],
            dx=d["dx"] or 0,
            dy=d["dy"] or 0,
            rotation=d["rotation"],
            catalogue_code=d["catalogue_code"],
            note=d["note"],
        )
    except (services.FixNoLongerFits, PlanError):
        messages.error(
            request, _("The plan has changed since this suggestion. Look at the new suggestions.")
        )
        return _back(room, version, "suggestions")
    messages.success(
        request,
        _("Version %(n)s is made with this change. The earlier version is kept.")
        % {"n": new.number},
    )
    return _back(room, new, "plan-heading")


@require_POST
@login_required
@staff_required
def arrange(request, room_id: int):
    room, version = _editable(request, room_id)
    new, result = services.arrange_apply(
        version=version, author=request.user, note=_("Arranged automatically")
    )
    if new is None:
        messages.error(request, texts.arrange_reason(result.reason, result.params, result.seconds))
        return _back(room, version, "arrange")
    messages.success(
        request,
        _("Version %(n)s is a layout that passes every check (found in %(s)s s).")
        % {"n": new.number, "s": result.seconds},
    )
    return _back(room, new, "plan-heading")


@require_POST
@login_required
@staff_required
def version_copy(request, room_id: int):
    room, version = _editable(request, room_id)
    new = services.version_copy(
        version=version,
        author=request.user,
        note=_("Copy of version %(n)s") % {"n": version.number},
    )
    messages.success(request, _("Version %(n)s is made.") % {"n": new.number})
    return _back(room, new)


@require_POST
@login_required
@staff_required
def version_in_use(request, room_id: int, number: int):
    room = selectors.room_get_for_user(request.user, room_id, manage=True)
    version = selectors.version_get(room, number)
    services.version_mark_in_use(version=version)
    messages.success(
        request,
        _("Version %(n)s is now the room as it is. New answers to the questionnaire are about it.")
        % {"n": version.number},
    )
    return redirect("rooms:survey_results", room_id=room.pk)


@login_required
@staff_required
def room_pdf(request, room_id: int, number: int):
    room = selectors.room_get_for_user(request.user, room_id)
    version = selectors.version_get(room, number)
    plan = version.to_plan()
    report = check_plan(plan)
    items = [p.to_item() for p in version.placements.select_related("furniture")]
    context = {
        "room": room,
        "version": version,
        "svg": _plan_svg(plan, report, _("Plan of %(room)s") % {"room": room.name}),
        "rows": _findings_rows(report),
        "violations": len(report.violations),
        "shopping": [it for it in items if it.cost > 0],
        "owned": [it for it in items if it.cost == 0 and not it.fixed],
        "total": plan.total_cost,
        "remaining": room.budget_eur - plan.total_cost,
        "today": timezone.localdate(),
    }
    return pdf_response(
        "pdf/rooms/room.html",
        context,
        f"ruimte-{room.pk}-versie-{version.number}.pdf",
        inline=False,
    )


@login_required
@staff_required
def room_compare(request, room_id: int):
    room = selectors.room_get_for_user(request.user, room_id)
    versions = list(room.versions.all())

    def pick(name, default):
        try:
            n = int(request.GET.get(name, default))
        except ValueError:
            n = default
        return next((v for v in versions if v.number == n), None) or selectors.version_get(
            room, default
        )

    before = pick("a", versions[0].number)
    after = pick("b", versions[-1].number)
    sides = []
    for label, version in ((_("Before"), before), (_("After"), after)):
        plan = version.to_plan()
        report = check_plan(plan)
        sides.append(
            {
                "label": label,
                "version": version,
                "svg": _plan_svg(
                    plan,
                    report,
                    _("%(side)s: version %(n)s") % {"side": label, "n": version.number},
                    element_id=f"plan-{version.number}-{label.lower()}",
                ),
                "report": report,
                "total": plan.total_cost,
            }
        )
    codes = []
    seen = set()
    for f in sides[0]["report"].findings + sides[1]["report"].findings:
        if f.code in seen:
            continue
        seen.add(f.code)
        a_ok = not any(x.is_violation for x in sides[0]["report"].by_code(f.code))
        b_ok = not any(x.is_violation for x in sides[1]["report"].by_code(f.code))
        codes.append({"title": texts.title(f.code), "before": a_ok, "after": b_ok})
    return render(
        request,
        "rooms/compare.html",
        {"room": room, "versions": versions, "sides": sides, "codes": codes},
    )


@login_required
@staff_required
def catalogue(request):
    orgs = selectors.organisations_for_creating(request.user)
    memberships = request.user.memberships.values_list("organisation_id", flat=True)
    org_id = orgs[0] if orgs else next(iter(memberships), None)
    if org_id is None:
        raise PermissionDenied
    form = FurnitureForm(request.POST or None) if orgs else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = dict(form.cleaned_data)
            key = data.pop("idempotency_key")
            base = "eigen-" + "".join(c if c.isalnum() else "-" for c in data["name"].lower())
            item = services.furniture_create(
                organisation=Organisation.objects.get(pk=org_id),
                idempotency_key=key,
                code=f"{base[:40]}-{new_key()[:8]}",
                **data,
            )
            messages.success(request, _("%(name)s is in the catalogue.") % {"name": item.name})
            return redirect("rooms:catalogue")
    items = selectors.catalogue_for_organisation(org_id)
    return render(request, "rooms/catalogue.html", {"items": items, "form": form})


def survey(request, token: str):
    """The anonymous questionnaire for parents and clients (no sign-in, nothing personal)."""
    room = selectors.room_for_survey(token)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.survey_response_create(room=room, **form.cleaned_data)
        return render(request, "rooms/survey_thanks.html", {"room": room})
    return render(request, "rooms/survey.html", {"room": room, "form": form})


@login_required
@staff_required
def survey_results(request, room_id: int):
    room = selectors.room_get_for_user(request.user, room_id)
    link = request.build_absolute_uri(reverse("rooms:survey", args=[room.survey_token]))
    return render(
        request,
        "rooms/survey_results.html",
        {
            "room": room,
            "rows": selectors.survey_results(room),
            "link": link,
            "qr": mark_safe(  # noqa: S308 - segno writes the SVG itself
                segno.make(link, error="m").svg_inline(scale=4, dark="#000", light="#fff")
            ),
            "manage": selectors.can_manage(request.user, room),
            "versions": list(room.versions.all()),
            "in_use": room.version_in_use or room.versions.first(),
            "small": selectors.SMALL_GROUP,
        },
    )
