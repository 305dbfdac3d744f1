"""Create the test provider's users (DV_IDP_USERS) and its one client application."""

import os

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application

from tests.sso.idp.validator import users


class Command(BaseCommand):
    help = "Seed the test identity provider."

    def handle(self, *args, **options):
        for username, entry in users().items():
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(entry["password"])
            user.save()
        redirect_uris = os.environ.get("DV_IDP_REDIRECT_URIS", "http://testserver/sso/callback/")
        logout_uris = os.environ.get("DV_IDP_LOGOUT_URIS", "http://testserver/accounts/login/")
        Application.objects.update_or_create(
            client_id=os.environ.get("DV_IDP_CLIENT_ID", "doenvermogen"),
            defaults={
                "name": "doenvermogen",
                "client_secret": os.environ.get("DV_IDP_CLIENT_SECRET", "test-secret"),
                "client_type": Application.CLIENT_CONFIDENTIAL,
                "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
                "redirect_uris": redirect_uris.replace(",", " "),
                "post_logout_redirect_uris": logout_uris.replace(",", " "),
                "algorithm": Application.RS256_ALGORITHM,
                "skip_authorization": True,
            },
        )
