"""Organisations, teams, people who sign in, their memberships and roles.

Clients' personal sign-in links live in ``doenvermogen.clientaccess`` (above cases).

Authorization rules live in the selectors of each app, not here.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name")
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Anyone who signs in. Professionals use e-mail and password; clients only sign-in links."""

    class Kind(models.TextChoices):
        STAFF = "staff", _("staff member")
        CLIENT = "client", _("client")

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STAFF)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("may use the admin site"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    @property
    def is_client(self) -> bool:
        return self.kind == self.Kind.CLIENT


class Membership(models.Model):
    """A role in a team (professional, team lead) or organisation-wide (researcher, admin)."""

    class Role(models.TextChoices):
        PROFESSIONAL = "professional", _("professional")
        TEAM_LEAD = "team_lead", _("team lead")
        RESEARCHER = "researcher", _("researcher")
        ADMINISTRATOR = "administrator", _("administrator")

    TEAM_ROLES = {Role.PROFESSIONAL, Role.TEAM_LEAD}

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "team", "role"], name="membership_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=["professional", "team_lead"], team__isnull=True),
                name="membership_team_role_needs_team",
            ),
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.team or self.organisation}"
