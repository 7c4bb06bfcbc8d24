"""What deploy/stack_check.py needs in the stack's fresh database: a Secretariat account with an
API token, a public distribution list that carries every published document, one subscriber,
and two PDF files to upload. Prints the token. Run with the stack's environment."""

import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from secretaria.accounts.services import api_token_create, user_create
from secretaria.comms import services as comms
from secretaria.comms.models import Subscription
from secretaria.core.access import AccessLevel, Role
from secretaria.documents import generate

out = Path(sys.argv[1])
officer = user_create(
    username="stack_officer", email="stack_officer@example.org", role=Role.SECRETARIAT, password="stack-officer-pw-1"
)
TOTP.activate(officer, generate_totp_secret())  # Secretariat accounts need two-factor, for the API too
_token, key = api_token_create(user=officer, name="stack check")
lst = comms.mailing_list_create(
    slug="stack-documentos",
    name_es="Documentos (pila)",
    name_en="Documents (stack)",
    description_es="Cada documento publicado.",
    description_en="Every published document.",
    access_level=AccessLevel.PUBLIC,
)
comms.list_rule_create(mailing_list=lst, event_kind="document.published")
Subscription.objects.create(
    mailing_list=lst, email="suscriptora@example.org", language="es", rhythm="each", status=Subscription.Status.ACTIVE
)
(out / "public.pdf").write_bytes(
    generate.pdf_bytes("Informe de la pila", ["Palabra única de la pila: zarzaparrilla migratoria."])
)
(out / "restricted.pdf").write_bytes(generate.pdf_bytes("Nota reservada", ["Solo para los miembros."]))
print(key)
