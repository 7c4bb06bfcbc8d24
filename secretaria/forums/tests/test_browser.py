"""A network member replies in the network's forum, in Chromium."""

import re

import pytest
from django.urls import reverse

from secretaria.conftest import PASSWORD
from secretaria.forums.models import Post


def _sign_in(page, username):
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('members:dashboard')}")


@pytest.mark.browser
def test_a_network_member_posts_a_reply_in_the_networks_forum(page, forums, thread, gt_official):
    csp_errors = []
    page.on("console", lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    _sign_in(page, "gt_official")
    page.goto(reverse("forums:index"))
    page.get_by_role("link", name="Foro de la Red de Protección Consular").click()
    page.get_by_role("link", name=re.compile("Preparación de las reuniones")).click()
    page.locator("#reply-form textarea[name=body]").fill("Guatemala confirma **dos** asistentes.")
    page.locator("#reply-form button[type=submit]").click()
    new_post = page.locator("#posts article.forum-post").last
    new_post.get_by_text("Guatemala confirma").wait_for()
    assert new_post.locator("strong", has_text="dos").count() == 1
    post = Post.objects.get(author=gt_official)
    assert post.body == "Guatemala confirma **dos** asistentes."
    # htmx appended the post and reset the form: the page was not reloaded.
    assert page.locator("#reply-form textarea[name=body]").input_value() == ""
    assert page.locator(f"#post-{post.pk}").count() == 1
    page.reload()
    assert page.locator(f"#post-{post.pk}").count() == 1
    assert csp_errors == []


@pytest.mark.browser
def test_a_member_previews_a_reply_then_publishes_it_and_is_told_so(page, forums, thread, gt_official):
    _sign_in(page, "gt_official")
    page.goto(thread.get_absolute_url())
    page.locator("#reply-form textarea[name=body]").fill("Guatemala propone _dos_ sesiones.")
    page.get_by_role("button", name="Vista previa").click()
    preview = page.locator("#reply-form .forum-preview")
    preview.wait_for()
    assert preview.locator("em", has_text="dos").count() == 1
    assert Post.objects.filter(author=gt_official).count() == 0  # previewing publishes nothing
    # The text is still in the form, and the form still posts through htmx.
    assert page.locator("#reply-form textarea[name=body]").input_value() == "Guatemala propone _dos_ sesiones."
    page.get_by_role("button", name="Publicar respuesta").click()
    status = page.locator("#forum-status")
    status.get_by_text("Su respuesta se ha publicado.").wait_for()
    assert Post.objects.filter(author=gt_official).count() == 1
    assert page.locator("#reply-form .forum-preview").count() == 0
