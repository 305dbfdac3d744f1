"""Thin views: researcher pages, the professional's and the client's questionnaire pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.audit import events
from doenvermogen.audit.services import log_event, log_event_many
from doenvermogen.cases.selectors import access_trajectory, access_trajectory_object
from doenvermogen.research import selectors, services
from doenvermogen.research.export import build_export
from doenvermogen.research.forms import (
    EnrolForm,
    InstrumentUploadForm,
    QuestionnaireForm,
    StudyForm,
)
from doenvermogen.research.instruments import InstrumentError
from doenvermogen.research.models import Measurement, Participant
from doenvermogen.ui.decorators import client_required, staff_required

MOMENTS = {m.value for m in Measurement.Moment}


def _researcher_orgs(request):
    orgs = selectors.research_organisations(request.user)
    if not orgs.exists():
        raise Http404
    return orgs


@login_required
@staff_required
def home(request):
    orgs = _researcher_orgs(request)
    instruments = selectors.instruments_for_organisation(orgs.values("pk"))
    study_form = StudyForm(instruments=instruments)
    upload_form = InstrumentUploadForm()
    if request.method == "POST" and "name" in request.POST:
        study_form = StudyForm(request.POST, instruments=instruments)
        if study_form.is_valid():
            d = study_form.cleaned_data
            study = services.study_create(
                organisation=orgs.first(),
                author=request.user,
                name=d["name"],
                instrument_list=list(d["instruments"]),
                key=d["idempotency_key"],
            )
            messages.success(request, _("The study is made."))
            return redirect("research:study", study_id=study.pk)
    elif request.method == "POST":
        upload_form = InstrumentUploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            filename, text = upload_form.cleaned_data["file"]
            try:
                instrument = services.instrument_load(
                    organisation=orgs.first(), author=request.user, text=text, filename=filename
                )
            except InstrumentError as exc:
                for message in exc.messages:
                    upload_form.add_error("file", message)
            except services.InstrumentExists:
                upload_form.add_error(
                    "file",
                    _("An instrument with this code and version exists already. Raise 'version'."),
                )
            else:
                messages.success(
                    request, _("Instrument loaded: %(name)s.") % {"name": instrument.name}
                )
                return redirect("research:home")
    return render(
        request,
        "research/home.html",
        {
            "studies": selectors.studies_for_researcher(request.user),
            "instruments": instruments,
            "study_form": study_form,
            "upload_form": upload_form,
        },
    )


@login_required
@staff_required
def study(request, study_id: int):
    item = selectors.study_get_for_researcher(user=request.user, study_id=study_id)
    return render(
        request,
        "research/study.html",
        {
            "study": item,
            "summaries": selectors.study_summary(item),
            "participants": selectors.consented_participants(item).count(),
        },
    )


@login_required
@staff_required
def export(request, study_id: int):
    """The anonymised data set and codebook (zip). Every export is in the access log."""
    item = selectors.study_get_for_researcher(user=request.user, study_id=study_id)
    data = build_export(item)
    purpose = f"research export, study {item.pk}"
    if data.client_ids:
        log_event_many(
            events.RESEARCH_EXPORT, actor=request.user, client_ids=data.client_ids, purpose=purpose
        )
    else:
        log_event(
            events.RESEARCH_EXPORT,
            actor=request.user,
            client_id=None,
            object_id=item.pk,
            purpose=purpose,
        )
    what = request.GET.get("file", "zip")
    if what == "codebook":
        response = HttpResponse(data.codebook_csv, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="study-{item.pk}-codebook.csv"'
    elif what == "data":
        response = HttpResponse(data.data_csv, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="study-{item.pk}-data.csv"'
    else:
        response = HttpResponse(data.zip_bytes(item), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="study-{item.pk}.zip"'
    return response


# --- The professional, inside a trajectory -------------------------------------------------------


@login_required
@staff_required
@require_POST
def enrol(request, trajectory_id: int):
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.RESEARCH_ENROL
    )
    from doenvermogen.research.models import Study

    form = EnrolForm(
        request.POST, studies=Study.objects.filter(organisation_id=ctx.trajectory.organisation_id)
    )
    if not form.is_valid():
        messages.error(request, _("Choose a study."))
    else:
        try:
            services.participant_enrol(
                study=form.cleaned_data["study"], trajectory=ctx.trajectory, author=request.user
            )
            messages.success(request, _("The client takes part. The questionnaires are ready."))
        except services.NoResearchConsent:
            messages.error(
                request,
                _(
                    "First record the client's consent for research (under Consents). "
                    "Without it nothing is stored."
                ),
            )
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


@login_required
@staff_required
@require_POST
def open_post(request, trajectory_id: int, participant_id: int):
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.RESEARCH_POST_OPEN
    )
    participant = ctx.load(Participant.objects.all(), participant_id)
    services.participant_open_post(participant=participant, author=request.user)
    messages.success(request, _("The post-measurement is ready, also on the client's page."))
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


def _questionnaire(request, ctx, participant, instrument_id, moment, *, filled_by, done_url):
    if moment not in MOMENTS or (moment == "post" and not participant.post_open):
        raise Http404
    instrument = participant.study.instruments.filter(pk=instrument_id).first()
    if instrument is None:
        raise Http404
    if Measurement.objects.filter(
        participant=participant, instrument=instrument, moment=moment
    ).exists():
        messages.info(request, _("This questionnaire is filled in already. Thank you."))
        return redirect(done_url)
    form = QuestionnaireForm(instrument=instrument)
    if request.method == "POST":
        form = QuestionnaireForm(request.POST, instrument=instrument)
        if form.is_valid():
            try:
                services.measurement_record(
                    participant=participant,
                    instrument=instrument,
                    moment=moment,
                    answers=form.answers(),
                    filled_by=filled_by,
                    author=request.user,
                    key=form.cleaned_data["idempotency_key"],
                )
            except services.NoResearchConsent:
                messages.error(request, _("There is no consent for research (any more)."))
                return redirect(done_url)
            messages.success(request, _("Thank you! Your answers are saved."))
            return redirect(done_url)
        messages.error(request, _("Not every question has an answer yet."))
    ctx.shown(events.MEASUREMENT_VIEW)
    return render(
        request,
        "research/questionnaire.html",
        {
            "form": form,
            "instrument": instrument,
            "moment": moment,
            "is_client": request.user.is_client,
            "done_url": done_url,
        },
    )


@login_required
@staff_required
def measurement_professional(
    request, trajectory_id: int, participant_id: int, instrument_id: int, moment: str
):
    event = events.MEASUREMENT_CREATE if request.method == "POST" else events.MEASUREMENT_VIEW
    ctx = access_trajectory(user=request.user, trajectory_id=trajectory_id, event=event)
    participant = ctx.load(Participant.objects.select_related("study"), participant_id)
    from django.urls import reverse

    done = reverse("cases:trajectory_detail", args=[ctx.trajectory.pk])
    return _questionnaire(
        request,
        ctx,
        participant,
        instrument_id,
        moment,
        filled_by=Measurement.FilledBy.PROFESSIONAL,
        done_url=done,
    )


@login_required
@client_required
def measurement_client(request, participant_id: int, instrument_id: int, moment: str):
    event = events.MEASUREMENT_CREATE if request.method == "POST" else events.MEASUREMENT_VIEW
    ctx, participant = access_trajectory_object(
        user=request.user,
        queryset=Participant.objects.select_related("study"),
        pk=participant_id,
        event=event,
    )
    from django.urls import reverse

    return _questionnaire(
        request,
        ctx,
        participant,
        instrument_id,
        moment,
        filled_by=Measurement.FilledBy.CLIENT,
        done_url=reverse("cases:my_page"),
    )
