from django.urls import path

from doenvermogen.ui import views

app_name = "ui"

urlpatterns = [
    path("start/", views.home, name="home"),
    path("favicon.ico", views.favicon, name="favicon"),
]
