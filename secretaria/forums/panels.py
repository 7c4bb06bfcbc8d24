"""The members' dashboard panel: the latest forum threads the viewer may read."""

from secretaria.forums.selectors import recent_threads_for


def recent_threads_panel(request):
    threads = recent_threads_for(request.user)
    return {"threads": threads}
