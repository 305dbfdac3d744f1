from django.urls import path

from doenvermogen.psychoeducation import views

app_name = "psychoeducation"

urlpatterns = [
    path("trajectories/<int:trajectory_id>/psychoeducation/", views.gate, name="gate"),
    path("psychoeducation/team-meeting/", views.team_meeting, name="team_meeting"),
    path("psychoeducation/opening-phrase/", views.opening_phrase, name="opening_phrase"),
    path(
        "psychoeducation/gate/<int:gate_id>/start-anyway/",
        views.start_despite_threat,
        name="start_despite_threat",
    ),
    path("psychoeducation/<int:session_id>/explain/", views.explain, name="explain"),
    path("psychoeducation/<int:session_id>/recognise/", views.recognise, name="recognise"),
    path("psychoeducation/<int:session_id>/choose/", views.choose, name="choose"),
    path("psychoeducation/<int:session_id>/strategies/", views.strategies, name="strategies"),
    path(
        "psychoeducation/<int:session_id>/strategies/done/",
        views.strategies_done,
        name="strategies_done",
    ),
    path(
        "psychoeducation/strategies/<int:strategy_id>/edit/",
        views.strategy_edit,
        name="strategy_edit",
    ),
    path(
        "psychoeducation/strategies/<int:strategy_id>/remove/",
        views.strategy_remove,
        name="strategy_remove",
    ),
    path("psychoeducation/<int:session_id>/summary/", views.summary, name="summary"),
    path("psychoeducation/<int:session_id>/review/", views.review, name="review"),
    path("psychoeducation/<int:session_id>/stop/", views.stop, name="stop"),
    path("psychoeducation/steps/<int:step_id>/tick/", views.step_tick, name="step_tick"),
    path(
        "psychoeducation/strategies/<int:strategy_id>/reminder.ics",
        views.strategy_reminders_ics,
        name="strategy_reminders_ics",
    ),
    path("psychoeducation/<int:session_id>/chart.pdf", views.chart_pdf, name="chart_pdf"),
    path(
        "psychoeducation/<int:session_id>/pocket-card.pdf",
        views.pocket_card_pdf,
        name="pocket_card_pdf",
    ),
    path(
        "psychoeducation/blank/<slug:variant>.pdf",
        views.blank_chart_pdf,
        name="blank_chart_pdf",
    ),
    path(
        "me/psychoeducation/<int:session_id>/stop/",
        views.client_stop,
        name="client_stop",
    ),
    path(
        "me/psychoeducation/<int:session_id>/review/",
        views.client_review,
        name="client_review",
    ),
]
