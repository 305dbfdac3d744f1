from django.urls import path

from doenvermogen.goals import views

app_name = "goals"

urlpatterns = [
    path("trajectories/<int:trajectory_id>/goals/", views.plan_list, name="plan_list"),
    path(
        "trajectories/<int:trajectory_id>/executive-skills/",
        views.skills_check,
        name="skills_check",
    ),
    path("goals/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path(
        "goals/<int:plan_id>/rewards/<int:reward_id>/given/",
        views.reward_given,
        name="reward_given",
    ),
    path("steps/<int:step_id>/done/", views.step_done, name="step_done"),
    path("steps/<int:step_id>/archive/", views.step_archive, name="step_archive"),
]
