from django.urls import path

from doenvermogen.letters import views
from doenvermogen.letters.api import LegacyLetterCheckView

app_name = "letters"

urlpatterns = [
    path("", views.check, name="check"),
    path("result/<str:job>/", views.result, name="result"),
    path("docx/", views.docx, name="docx"),
    path("api/check", LegacyLetterCheckView.as_view(), name="api_check"),
    path("api/openapi.json", views.api_openapi, name="api_openapi"),
    path("standard/", views.standard_list, name="standard_list"),
    path("standard/new/", views.standard_create, name="standard_create"),
    path("standard/<int:letter_id>/", views.standard_detail, name="standard_detail"),
    path(
        "standard/<int:letter_id>/version/<int:number>/edit/",
        views.standard_edit,
        name="standard_edit",
    ),
    path(
        "standard/<int:letter_id>/version/new/",
        views.standard_version_create,
        name="standard_version_create",
    ),
]
