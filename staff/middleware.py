"""The staff areas' own Content-Security-Policy.

Wagtail's admin and Oscar's dashboard need inline scripts, so the public pages' policy leaves
them out (settings: CONTENT_SECURITY_POLICY). They still get the directives that cost them
nothing: no plugins, no foreign <base>, no framing by another site, forms posted only here.
"""

from django.conf import settings

STAFF_POLICY = "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'"


class StaffAreaPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"])

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.prefixes) and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = STAFF_POLICY
        return response
