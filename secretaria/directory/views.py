# Provisional views: the directory work replaces them.
from django.http import Http404
from django.shortcuts import render

from secretaria.directory.selectors import member_countries


def country_list(request):
    return render(request, "directory/country_list.html", {"countries": member_countries()})


def _todo(request, *args, **kwargs):
    raise Http404


country_detail = organization_list = presidency = secretariat = post_detail = group_list = group_detail = _todo
