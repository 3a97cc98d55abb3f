"""Oscar's shop, mounted at the site root beside Wagtail."""

from oscar import config


class Shop(config.Shop):
    def get_urls(self):
        # Oscar answers "" with a redirect to OSCAR_HOMEPAGE; our home page is Wagtail's root page,
        # so that redirect would loop. Every other shop URL stays as Oscar defines it.
        return [url for url in super().get_urls() if getattr(url, "name", None) != "home"]
