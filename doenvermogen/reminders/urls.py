from django.urls import path

from doenvermogen.reminders import views

app_name = "reminders"

urlpatterns = [
    path(
        "trajectories/<int:trajectory_id>/reminders/",
        views.trajectory_reminders,
        name="trajectory_reminders",
    ),
    path(
        "trajectories/<int:trajectory_id>/calendar/new/",
        views.feed_create,
        name="trajectory_feed_create",
    ),
    path(
        "trajectories/<int:trajectory_id>/calendar/revoke/",
        views.feed_revoke,
        name="trajectory_feed_revoke",
    ),
    path(
        "appointments/<int:appointment_id>/cancel/",
        views.appointment_cancel,
        name="appointment_cancel",
    ),
    path(
        "appointments/<int:appointment_id>/move/", views.appointment_move, name="appointment_move"
    ),
    path("reminders/<int:reminder_id>/stop/", views.reminder_cancel, name="reminder_cancel"),
    path("deliveries/<int:delivery_id>/retry/", views.delivery_retry, name="delivery_retry"),
    path("me/calendar/", views.my_calendar, name="my_calendar"),
    path("me/calendar/new/", views.feed_create, name="my_feed_create"),
    path("me/calendar/revoke/", views.feed_revoke, name="my_feed_revoke"),
    path(
        "me/appointments/<int:appointment_id>/move/",
        views.appointment_move_request,
        name="appointment_move_request",
    ),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
