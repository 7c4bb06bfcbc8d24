"""Rich text in e-mails loads no image from another site (a tracking pixel would tell it who read)."""

from django.utils import translation

from secretaria.core.richtext import email_html, render_markdown


def test_remote_images_become_links_and_the_sites_own_images_stay(settings):
    settings.SITE_URL = "https://sv.example.org"
    html = render_markdown(
        "Véase ![píxel](https://tracker.example/p.gif?u=ana) y ![](http://otro.example/x.png) "
        "y ![Mapa de la región](/images/mapa.png) y ![Logo](https://sv.example.org/static/logo.png)."
    )
    with translation.override("es"):
        mail = email_html(html)
    assert "tracker.example/p.gif" in html  # the page itself keeps it (the CSP blocks it there)
    assert '<img src="https://tracker.example' not in mail and '<img src="http://otro.example' not in mail
    assert '<a href="https://tracker.example/p.gif?u=ana">[Imagen: píxel]</a>' in mail
    assert '<a href="http://otro.example/x.png">[Imagen: otro.example]</a>' in mail
    assert '<img alt="Mapa de la región" src="https://sv.example.org/images/mapa.png">' in mail
    assert '<img alt="Logo" src="https://sv.example.org/static/logo.png">' in mail
    assert mail.count("<img") == 2


def test_html_without_images_is_left_alone():
    html = render_markdown("Texto con **negrita** y un [enlace](https://example.org/).")
    assert email_html(html) == html
