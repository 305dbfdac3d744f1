"""Root URL configuration. Each app has its own urls.py."""

from django.contrib import admin
from django.urls import include, path

from doenvermogen.ui import views as ui_views

urlpatterns = [
    path("", ui_views.home, name="home"),
    path("", include("doenvermogen.ui.urls")),
    path("", include("doenvermogen.accounts.urls")),
    path("", include("doenvermogen.cases.urls")),
    path("", include("doenvermogen.psychoeducation.urls")),
    path("", include("doenvermogen.goals.urls")),
    path("", include("doenvermogen.reminders.urls")),
    path("letters/", include("doenvermogen.letters.urls")),
    path("", include("doenvermogen.knowledge.urls")),
    path("admin-tools/", include("doenvermogen.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
]
