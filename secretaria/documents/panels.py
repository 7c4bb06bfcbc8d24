"""The members' dashboard panel: the latest documents the viewer may read."""

from secretaria.documents.selectors import can_manage, recent_documents_for, recent_drafts


def recent_documents_panel(request):
    user = request.user
    context = {"documents": list(recent_documents_for(user))}
    if can_manage(user):
        context["drafts"] = list(recent_drafts(user))
    return context
