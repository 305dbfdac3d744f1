"""The client's rights in the browser: download everything kept (JSON and a readable PDF), end a
trajectory (the start of the retention period), and the register of processing for administrators.

Every download authorizes once through ``cases.selectors.access_*`` with the event
``PERSONAL_DATA_EXPORT`` (the client) or ``PERSONAL_DATA_EXPORT_REQUEST`` (a professional).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import organisations_administered_by
from doenvermogen.audit import events
from doenvermogen.cases import services as case_services
from doenvermogen.cases.selectors import (
    access_client,
    access_client_for_administrator,
    access_own,
    access_trajectory,
)
from doenvermogen.privacy import selectors
from doenvermogen.privacy.forms import TrajectoryEndForm
from doenvermogen.ui.decorators import client_required, role_required, staff_required
from doenvermogen.ui.pdf import pdf_response


def _json_response(data: dict, filename: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _pdf(ctx, data: dict) -> HttpResponse:
    with translation.override(ctx.client.preferred_language or "nl"):
        response = pdf_response(
            "pdf/privacy_export.html",
            {"data": data},
            "mijn-gegevens.pdf",
            inline=False,
        )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@client_required
def my_data(request: HttpRequest, fmt: str) -> HttpResponse:
    ctx = access_own(user=request.user, event=events.PERSONAL_DATA_EXPORT)
    data = selectors.personal_data_collect(ctx)
    if fmt == "pdf":
        return _pdf(ctx, data)
    return _json_response(data, "mijn-gegevens.json")


@login_required
@staff_required
def client_data(request: HttpRequest, client_id: int, fmt: str) -> HttpResponse:
    ctx = access_client(
        user=request.user, client_id=client_id, event=events.PERSONAL_DATA_EXPORT_REQUEST
    )
    data = selectors.personal_data_collect(ctx)
    if fmt == "pdf":
        return _pdf(ctx, data)
    return _json_response(data, f"gegevens-client-{ctx.client.pk}.json")


@login_required
@staff_required
@role_required(Membership.Role.ADMINISTRATOR)
def administrator_client_data(request: HttpRequest, client_id: int, fmt: str) -> HttpResponse:
    """An organisation's administrator answers a request to see one's data (AVG art. 15)."""
    ctx = access_client_for_administrator(
        user=request.user, client_id=client_id, event=events.PERSONAL_DATA_EXPORT_REQUEST
    )
    data = selectors.personal_data_collect(ctx)
    if fmt == "pdf":
        return _pdf(ctx, data)
    return _json_response(data, f"gegevens-client-{ctx.client.pk}.json")


@require_POST
@login_required
@staff_required
def trajectory_end(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.TRAJECTORY_END
    )
    form = TrajectoryEndForm(request.POST, started_on=ctx.trajectory.started_on)
    if form.is_valid():
        case_services.trajectory_end(
            trajectory=ctx.trajectory, author=request.user, ended_on=form.cleaned_data["ended_on"]
        )
        messages.success(request, _("The trajectory has ended."))
    else:
        messages.error(request, " ".join(form.errors.get("ended_on", [])))
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


@login_required
@staff_required
def processing_register(request: HttpRequest) -> HttpResponse:
    organisations = list(organisations_administered_by(request.user))
    if not organisations and not request.user.is_superuser:
        raise PermissionDenied
    organisation = organisations[0] if organisations else None
    return render(
        request,
        "privacy/register.html",
        {
            "organisation": organisation,
            "rows": selectors.register_rows(),
            "retention": selectors.retention_table(organisation=organisation),
        },
    )
