from django.urls import path

from doenvermogen.rooms import views

app_name = "rooms"
urlpatterns = [
    path("", views.room_list, name="list"),
    path("catalogus/", views.catalogue, name="catalogue"),
    path("vragenlijst/<str:token>/", views.survey, name="survey"),
    path("<int:room_id>/", views.room_detail, name="detail"),
    path("<int:room_id>/versie/<int:number>/", views.room_detail, name="version"),
    path("<int:room_id>/versie/<int:number>/pdf/", views.room_pdf, name="pdf"),
    path("<int:room_id>/versie/<int:number>/in-gebruik/", views.version_in_use, name="in_use"),
    path("<int:room_id>/vergelijk/", views.room_compare, name="compare"),
    path("<int:room_id>/meubel/", views.placement_add, name="placement_add"),
    path("<int:room_id>/meubel/<int:placement_id>/", views.placement_update, name="placement"),
    path("<int:room_id>/opening/", views.opening_add, name="opening_add"),
    path(
        "<int:room_id>/opening/<int:opening_id>/weg/", views.opening_remove, name="opening_remove"
    ),
    path("<int:room_id>/muren/", views.outline_set, name="outline"),
    path("<int:room_id>/oplossing/", views.fix_apply, name="fix"),
    path("<int:room_id>/automatisch/", views.arrange, name="arrange"),
    path("<int:room_id>/nieuwe-versie/", views.version_copy, name="version_copy"),
    path("<int:room_id>/vragenlijst/", views.survey_results, name="survey_results"),
]
