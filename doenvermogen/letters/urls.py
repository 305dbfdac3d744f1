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
]
