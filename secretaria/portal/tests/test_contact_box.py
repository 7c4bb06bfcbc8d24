"""The contact box gives the Secretariat's address, phone and e-mail from the directory."""

import io

from django.core.management.color import no_style
from django.urls import reverse

from secretaria.directory import demo as directory_demo
from secretaria.directory.models import Organization


def test_the_demo_contact_box_shows_the_secretariats_address_phone_and_email(db, client):
    directory_demo.load(stdout=io.StringIO(), style=no_style())
    html = client.get(reverse("portal:contact")).content.decode()
    box = html[html.index('<aside class="sidebar">') :]
    assert "San José, Costa Rica" in box
    assert "+506 2212-5300" in box
    assert 'href="mailto:secretaria.tecnica@crm-st.example"' in box


def test_the_details_come_from_the_directory_and_the_secretariat_may_edit_them(crm, client, client_for, st_officer):
    st = crm["orgs"]["st"]
    st.address, st.phone, st.email = "Sabana Oeste\nSan José, Costa Rica", "+506 2212-5300", "st@crm-st.example"
    st.save()
    html = client.get(reverse("portal:contact")).content.decode()
    assert "Sabana Oeste<br>San José, Costa Rica" in html and "st@crm-st.example" in html
    edit = reverse("admin:directory_organization_change", args=[st.pk])
    assert edit not in html
    staff = client_for(st_officer)
    assert edit in staff.get(reverse("portal:contact")).content.decode()
    assert staff.get(edit).status_code == 200
    assert Organization.objects.get(pk=st.pk).phone == "+506 2212-5300"
