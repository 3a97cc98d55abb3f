"""Wagtail's user admin: the password check counts the roles ticked in the form, not yet saved,
so a new editor cannot be given a short password (staff/validators.py)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class RolesCountMixin:
    def validate_password(self):
        self.instance.roles_being_given = self.cleaned_data.get("groups")
        try:
            super().validate_password()
        finally:
            del self.instance.roles_being_given


class StaffUserCreationForm(RolesCountMixin, UserCreationForm):
    pass


class StaffUserEditForm(RolesCountMixin, UserEditForm):
    pass


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return StaffUserEditForm if for_update else StaffUserCreationForm
