"""The administrators' access-log pages. They live in cases (they find clients), so that the audit
app stays a leaf; the URL names keep their "audit" namespace."""

from django.urls import path

from doenvermogen.cases import access_log_views as views

app_name = "audit"

urlpatterns = [
    path("access-log/", views.access_log_search, name="search"),
    path("access-log/<int:client_id>.csv", views.access_log_export, name="export"),
]
