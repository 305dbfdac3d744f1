from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClientAccessConfig(AppConfig):
    name = "doenvermogen.clientaccess"
    label = "clientaccess"
    verbose_name = _("personal links")
