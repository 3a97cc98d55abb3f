from oscar.apps.basket.models import *  # noqa: F403  (forked for its forms only)
