# Provisional views: the portal work replaces them.
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from secretaria.core.dashboard import panels_for


def home(request):
    return render(request, "portal/home.html")


@login_required
def dashboard(request):
    return render(request, "portal/dashboard.html", {"panels": panels_for(request)})


def _todo(request, *args, **kwargs):
    raise Http404


news_list = news_detail = page_detail = contact = _todo
