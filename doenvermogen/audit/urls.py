from django.urls import path

from doenvermogen.audit import views

app_name = "audit"

urlpatterns = [
    path("access-log/", views.access_log_search, name="search"),
    path("access-log/<int:client_id>.csv", views.access_log_export, name="export"),
]
