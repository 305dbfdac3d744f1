"""Thin views: my clients, a new client, a trajectory page, involvements, consents, own page.

Each view authorizes once (``selectors.access_*``) and hands the ``Authorized`` context on.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.accounts.models import Team
from doenvermogen.accounts.selectors import colleagues_for_user, team_ids_for_user
from doenvermogen.audit import events
from doenvermogen.cases import selectors, services
from doenvermogen.cases.forms import ClientTrajectoryForm, ConsentForm, InvolvementForm
from doenvermogen.cases.models import Consent
from doenvermogen.core.idempotency import new_key
from doenvermogen.ui.decorators import client_required, staff_required
from doenvermogen.ui.sections import client_page_sections, trajectory_sections


@login_required
@staff_required
def my_clients(request):
    search = request.GET.get("q", "")
    show = request.GET.get("show", "active")
    order = request.GET.get("order", "attention")
    if order not in selectors.LIST_ORDERS:
        order = "attention"
    page = selectors.trajectory_page_for_user(
        user=request.user,
        search=search,
        active_only=show != "all",
        order=order,
        page=request.GET.get("page", 1),
    )
    context = {
        "page": page,
        "trajectories": page.rows,
        "search": page.search,
        "show": show,
        "order": order,
        "can_add": bool(team_ids_for_user(request.user)),
    }
    if request.htmx:
        return render(request, "cases/_client_list.html", context)
    return render(request, "cases/my_clients.html", context)


@login_required
@staff_required
def client_new(request):
    teams = Team.objects.filter(pk__in=team_ids_for_user(request.user))
    if not teams:
        messages.info(request, _("You are not in a team yet, so you cannot add clients."))
        return redirect("cases:my_clients")
    form = ClientTrajectoryForm(
        request.POST or None,
        teams=teams,
        initial={"started_on": timezone.localdate(), "team": teams[0]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        trajectory = services.client_intake(
            team=data["team"],
            author=request.user,
            idempotency_key=data["idempotency_key"],
            display_name=data["display_name"],
            email=data["email"],
            phone=data["phone"],
            preferred_channel=data["preferred_channel"],
            preferred_language=data["preferred_language"],
            kind=data["kind"],
            started_on=data["started_on"],
            involvement_role=data["role"],
        )
        messages.success(request, _("The client has been added."))
        return redirect("cases:trajectory_detail", trajectory_id=trajectory.pk)
    return render(request, "cases/client_new.html", {"form": form})


@login_required
@staff_required
def trajectory_detail(request, trajectory_id: int):
    ctx = selectors.access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.TRAJECTORY_VIEW
    )
    trajectory, client = ctx.trajectory, ctx.client
    context = {
        "trajectory": trajectory,
        "client": client,
        "other_trajectories": [
            t for t in selectors.client_trajectories(ctx) if t.pk != trajectory.pk
        ],
        "involvements": selectors.involvement_list(ctx),
        "consents": selectors.consent_list(ctx),
        "links": [link for link in client.access_links.all()[:5]],
        "involvement_form": InvolvementForm(colleagues=colleagues_for_user(request.user)),
        "consent_form": ConsentForm(),
        "link_key": new_key(),
        "sections": trajectory_sections(request, ctx),
        "now": timezone.now(),
    }
    return render(request, "cases/trajectory_detail.html", context)


@require_POST
@login_required
@staff_required
def involvement_set(request, trajectory_id: int):
    ctx = selectors.access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.INVOLVEMENT_UPDATE
    )
    form = InvolvementForm(request.POST, colleagues=colleagues_for_user(request.user))
    if form.is_valid():
        try:
            services.involvement_set(
                trajectory=ctx.trajectory, author=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Saved who is involved."))
    else:
        messages.error(request, _("Choose a professional and a role, then save again."))
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


@require_POST
@login_required
@staff_required
def consent_record(request, trajectory_id: int):
    ctx = selectors.access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.CONSENT_CREATE
    )
    form = ConsentForm(request.POST)
    if form.is_valid():
        services.consent_record(
            client=ctx.client,
            trajectory=ctx.trajectory,
            author=request.user,
            purpose=form.cleaned_data["purpose"],
            note=form.cleaned_data["note"],
            idempotency_key=form.cleaned_data["idempotency_key"],
        )
        messages.success(request, _("The consent has been recorded."))
    else:
        messages.error(request, _("Choose what the consent is for."))
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


@require_POST
@login_required
@staff_required
def consent_withdraw(request, trajectory_id: int, consent_id: int):
    ctx = selectors.access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.CONSENT_WITHDRAW
    )
    consent = ctx.load(Consent.objects.all(), consent_id, client_path="client")
    services.consent_withdraw(consent=consent, author=request.user)
    messages.success(request, _("The consent has been withdrawn."))
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


@login_required
@client_required
def my_page(request):
    ctx = selectors.access_own(user=request.user, event=events.CLIENT_OWN_PAGE)
    return render(
        request,
        "cases/my_page.html",
        {"client": ctx.client, "sections": client_page_sections(request, ctx)},
    )


@login_required
@client_required
def my_access_history(request):
    """'Wie heeft mijn gegevens bekeken?': the access log about the client, in plain words."""
    from doenvermogen.audit import events
    from doenvermogen.cases.access_history import access_history_for_client

    ctx = selectors.access_own(user=request.user, event=events.ACCESS_LOG_VIEW)
    return render(
        request,
        "cases/my_access_history.html",
        {"client": ctx.client, "lines": access_history_for_client(ctx=ctx)},
    )
