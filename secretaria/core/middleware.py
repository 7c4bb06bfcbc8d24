class PermissionsPolicyMiddleware:
    """Adds a Permissions-Policy header: the site uses no camera, microphone, location…"""

    HEADER = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.HEADER)
        return response
