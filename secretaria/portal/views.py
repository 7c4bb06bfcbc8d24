from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from secretaria.core.dashboard import panels_for


def home(request):
    return render(request, "portal/home.html")


@login_required
def dashboard(request):
    return render(request, "portal/dashboard.html", {"panels": panels_for(request)})
