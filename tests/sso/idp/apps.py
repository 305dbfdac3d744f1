from django.apps import AppConfig


class IdpConfig(AppConfig):
    name = "tests.sso.idp"
    label = "dv_test_idp"
