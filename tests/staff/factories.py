"""Staff accounts in each role (the roles themselves come from staff/migrations/0002_roles)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import factory

PASSWORD = "a-long-enough-staff-password"


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"nhanvien{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@langnghe.example")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def member(role, is_staff=None, **fields):
    """A user in the named role; shop roles are staff (Oscar's dashboard asks for it)."""
    if is_staff is None:
        is_staff = role.startswith("Shop")
    user = UserFactory(is_staff=is_staff, **fields)
    user.groups.add(Group.objects.get(name=role))
    return user
