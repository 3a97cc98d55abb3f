from django.apps import AppConfig


class ThemesConfig(AppConfig):
    """Templates, static files and template tags of the public site: CMS and shop alike."""

    name = "themes"
    verbose_name = "Themes"
