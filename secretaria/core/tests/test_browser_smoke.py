import pytest


@pytest.mark.browser
def test_the_home_page_opens_in_chromium(page):
    page.goto("/es/")
    assert page.locator("html").get_attribute("lang") == "es"
