from django.urls import path

from doenvermogen.privacy import views

app_name = "privacy"

urlpatterns = [
    path("me/data.json", views.my_data, {"fmt": "json"}, name="my_data_json"),
    path("me/data.pdf", views.my_data, {"fmt": "pdf"}, name="my_data_pdf"),
    path(
        "clients/<int:client_id>/data.json",
        views.client_data,
        {"fmt": "json"},
        name="client_data_json",
    ),
    path(
        "clients/<int:client_id>/data.pdf",
        views.client_data,
        {"fmt": "pdf"},
        name="client_data_pdf",
    ),
    path(
        "admin-tools/clients/<int:client_id>/data.json",
        views.administrator_client_data,
        {"fmt": "json"},
        name="administrator_client_data_json",
    ),
    path(
        "admin-tools/clients/<int:client_id>/data.pdf",
        views.administrator_client_data,
        {"fmt": "pdf"},
        name="administrator_client_data_pdf",
    ),
    path("trajectories/<int:trajectory_id>/end/", views.trajectory_end, name="trajectory_end"),
    path("admin-tools/privacy/", views.processing_register, name="register"),
]
