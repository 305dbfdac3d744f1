"""Administrator's page to find a client and export their access log as CSV."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from doenvermogen.accounts.models import Membership
from doenvermogen.audit.selectors import access_log_for_client
from doenvermogen.cases.selectors import client_search_for_administrator
from doenvermogen.ui.decorators import role_required, staff_required


@login_required
@staff_required
@role_required(Membership.Role.ADMINISTRATOR)
def access_log_search(request):
    search = request.GET.get("q", "")
    clients = client_search_for_administrator(user=request.user, search=search)
    return render(request, "audit/search.html", {"clients": clients, "search": search})


@login_required
@staff_required
@role_required(Membership.Role.ADMINISTRATOR)
def access_log_export(request, client_id: int):
    client, entries = access_log_for_client(user=request.user, client_id=client_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toegangslog-client-{client.pk}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["when", "who", "action", "object", "object_id", "purpose"])
    for entry in entries.iterator():
        writer.writerow(
            [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.actor_label,
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.purpose,
            ]
        )
    return response
