"""Sample staff accounts, one per shop and plan role (their passwords are in the README)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

ACCOUNTS = [
    # user name, first name, role, password (set directly: sample accounts only)
    ("bientapshop", "Biên tập cửa hàng", "Shop editors", "langnghe-bientapshop"),
    ("quanlyshop", "Quản lý cửa hàng", "Shop managers", "langnghe-quanlyshop"),
    ("xemkehoach", "Cán bộ kế hoạch", "Plan viewers", "langnghe-xemkehoach"),
]


def load(demo):
    User = get_user_model()
    for username, first_name, role, password in ACCOUNTS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@langnghe.example",
                "first_name": first_name,
                # Oscar's dashboard shows staff every producer's items; the role limits the rest.
                "is_staff": role != "Plan viewers",
            },
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=role))
    demo.say("Staff accounts ready: bientapshop, quanlyshop, xemkehoach")
