from django.shortcuts import render

from secretaria.directory.selectors import member_countries


def country_list(request):
    return render(request, "directory/country_list.html", {"countries": member_countries()})
