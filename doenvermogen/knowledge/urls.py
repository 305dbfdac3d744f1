from django.urls import path

from doenvermogen.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("kennisbank/", views.index, name="index"),
    path("kennisbank/<slug:slug>/", views.page, name="page"),
]
