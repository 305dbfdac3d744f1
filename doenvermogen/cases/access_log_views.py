"""Administrator's page to find a client and export their access log as CSV (in Dutch)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from doenvermogen.accounts.models import Membership
from doenvermogen.audit import events
from doenvermogen.audit.selectors import access_log_entries, csv_rows
from doenvermogen.cases.selectors import (
    access_client_for_administrator,
    client_search_for_administrator,
)
from doenvermogen.ui.decorators import role_required, staff_required


@login_required
@staff_required
@role_required(Membership.Role.ADMINISTRATOR)
def access_log_search(request):
    search = request.GET.get("q", "").replace("\x00", "")
    clients = client_search_for_administrator(user=request.user, search=search)
    return render(request, "audit/search.html", {"clients": clients, "search": search})


@login_required
@staff_required
@role_required(Membership.Role.ADMINISTRATOR)
def access_log_export(request, client_id: int):
    ctx = access_client_for_administrator(
        user=request.user, client_id=client_id, event=events.ACCESS_LOG_EXPORT
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="toegangslog-client-{ctx.client.pk}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    entries = access_log_entries(client_id=ctx.client.pk).iterator()
    writer.writerows(csv_rows(entries, client_name=ctx.client.display_name))
    return response
