"""The members' dashboard panel: the latest documents the viewer may read."""

from secretaria.documents.selectors import can_manage, documents_visible_to, recent_documents_for


def recent_documents_panel(request):
    user = request.user
    context = {"documents": list(recent_documents_for(user))}
    if can_manage(user):
        context["drafts"] = list(documents_visible_to(user).filter(status="draft").order_by("-updated_at")[:5])
    return context
