"""Sign-in for staff (clients sign in with a personal link: ``clientaccess.views``)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from doenvermogen.accounts.forms import EmailAuthenticationForm


class SignInView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True
