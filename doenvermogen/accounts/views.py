"""Sign-in for staff (clients sign in with a personal link: ``clientaccess.views``)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse

from doenvermogen.accounts.forms import EmailAuthenticationForm


class SignInView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get(self, request, *args, **kwargs):
        # A client whose session ended never sees the staff sign-in: a calm page instead.
        next_path = request.GET.get("next", "")
        if not request.user.is_authenticated and next_path.startswith(reverse("cases:my_page")):
            return render(request, "clientaccess/client_new_link.html")
        return super().get(request, *args, **kwargs)
