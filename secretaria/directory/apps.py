from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "secretaria.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from secretaria.core import access
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.directory import panels, selectors

        access.register_viewer_factory(selectors.viewer_for)

        # A group's member list (names, and contacts for those allowed): the group's
        # access level decides who sees the group at all; listing who belongs to it is
        # contact information, so it also needs "directory.view_contacts".
        access.register_rule(
            "directory.view_group_members",
            lambda user, group: (
                access.can_view(user, group.access_level, group.pk) and access.can(user, "directory.view_contacts")
            ),
        )
        # Posts not shown on the portal (liaison officers, focal points) are for those who
        # may see the directory's contacts.
        access.register_rule(
            "directory.view_post",
            lambda user, post: post.is_public or access.can(user, "directory.view_contacts"),
        )
        register_panel(Panel("directory.my_posts", "directory/panels/my_posts.html", panels.my_posts, order=20))
        register_panel(Panel("directory.presidency", "directory/panels/presidency.html", panels.presidency, order=10))
