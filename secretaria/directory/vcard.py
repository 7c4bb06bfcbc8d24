"""vCard 3.0 (RFC 2426) and CSV of the who's who: only the fields the viewer may read."""

from __future__ import annotations

from secretaria.core import spreadsheets


def _escape(value: str) -> str:
    return (value or "").replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def vcard(person, contact: dict[str, str]) -> str:
    lines = [
        "BEGIN:VCARD", "VERSION:3.0",
        f"N:{_escape(person.family_name)};{_escape(person.given_name)};;{_escape(person.honorific)};",
        f"FN:{_escape(person.full_name)}",
    ]  # fmt: skip
    if person.organization_id:
        lines.append(f"ORG:{_escape(str(person.organization))}")
    titles = [str(term.post) for term in getattr(person, "current_terms", [])]
    if titles:
        lines.append(f"TITLE:{_escape('; '.join(titles))}")
    if contact.get("email"):
        lines.append(f"EMAIL;TYPE=INTERNET:{_escape(contact['email'])}")
    if contact.get("phone"):
        lines.append(f"TEL;TYPE=WORK:{_escape(contact['phone'])}")
    if person.country_id:
        lines.append(f"ADR;TYPE=WORK:;;;;;;{_escape(str(person.country.name))}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def people_csv(rows: list[tuple]) -> bytes:
    header = ["Name", "Organisation", "Country", "Current posts", "Groups", "E-mail", "Phone"]
    body = []
    for person, contact in rows:
        body.append([
            person.full_name, str(person.organization or ""), str(person.country.name) if person.country_id else "",
            "; ".join(str(t.post) for t in getattr(person, "current_terms", [])),
            "; ".join(str(m.group) for m in getattr(person, "current_memberships", [])),
            contact.get("email", ""), contact.get("phone", ""),
        ])  # fmt: skip
    return spreadsheets.csv_bytes([header, *body])
