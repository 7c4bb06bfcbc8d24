"""The published OpenAPI schema is a valid document a client generator can use: every component
has its own name, and each enum lists the values of the field it describes."""

import pytest
from ninja import Router, Schema
from openapi_spec_validator import validate

from secretaria.core.openapi import Api, ComponentNameClash
from secretaria.decisions.models import CommitmentParty, Decision, PartyStatus
from secretaria.directory.models import Country, Group, Membership, Organization
from secretaria.documents.models import Document
from secretaria.meetings.models import AgendaVersion, ContractedService, Invitation, Meeting, Registration


@pytest.fixture
def published(client, db):
    return client.get("/api/v1/openapi.json").json()


def test_the_schema_is_a_valid_openapi_document(published):
    validate(published)  # raises with the path of the first error


def _enum_of(published, component, field):
    prop = published["components"]["schemas"][component]["properties"][field]
    refs = [prop] + prop.get("anyOf", []) + prop.get("allOf", [])
    ref = next(r["$ref"] for r in refs if "$ref" in r)
    return ref.rsplit("/", 1)[-1], published["components"]["schemas"][ref.rsplit("/", 1)[-1]]["enum"]


@pytest.mark.parametrize(
    ("component", "field", "choices"),
    [
        ("CountryOut", "status", Country.Status),
        ("OrganizationOut", "kind", Organization.Kind),
        ("GroupOut", "kind", Group.Kind),
        ("MemberOut", "role", Membership.Role),
        ("MeetingOut", "kind", Meeting.Kind),
        ("MeetingOut", "status", Meeting.Status),
        ("AgendaVersionOut", "kind", AgendaVersion.Kind),
        ("AgendaVersionOut", "state", AgendaVersion.State),
        ("InvitationOut", "status", Invitation.Status),
        ("RegistrationOut", "status", Registration.Status),
        ("RegistrationOut", "role", Registration.Role),
        ("ServiceOut", "kind", ContractedService.Kind),
        ("ServiceOut", "status", ContractedService.Status),
        ("ServiceOut", "funder", ContractedService.Funder),
        ("DecisionOut", "kind", Decision.Kind),
        ("PartyOut", "kind", CommitmentParty.Kind),
        ("PartyOut", "status", PartyStatus),
    ],
)
def test_each_kind_and_status_lists_the_values_of_its_own_field(published, component, field, choices):
    name, values = _enum_of(published, component, field)
    assert values == list(choices.values)
    assert name == choices.__qualname__.replace(".", "")  # CountryStatus, MeetingKind…


def test_the_document_filters_use_the_document_enums(published):
    params = {p["name"]: p["schema"] for p in published["paths"]["/api/v1/documents"]["get"]["parameters"]}
    assert params["year"]["anyOf"][0] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 9999,
        "description": "A year, 1 to 9999",
    }
    assert params["status"]["anyOf"][0]["$ref"].endswith("/DocumentStatus")
    assert params["type"]["anyOf"][0]["$ref"].endswith("/DocumentType")
    assert published["components"]["schemas"]["DocumentType"]["enum"] == list(Document.Type.values)


def test_no_component_is_named_only_kind_or_status(published):
    assert not {"Kind", "Status", "State", "Role", "Type"} & set(published["components"]["schemas"])


def test_every_operation_declares_its_json_errors(published):
    for path, operations in published["paths"].items():
        for method, operation in operations.items():
            assert ("401" in operation["responses"]) == ("security" in operation), (method, path)
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert "application/json" in response["content"], (method, path, status)


def _item_schema(value_type):
    class Item(Schema):
        value: value_type

    return Item


def test_two_different_schemas_of_the_same_name_stop_the_schema_from_being_built():
    first, second = _item_schema(int), _item_schema(str)
    router = Router()
    router.get("/a", response=first)(lambda request: {"value": 1})
    router.get("/b", response=list[second])(lambda request: [])
    api = Api(urls_namespace="clash-test")
    api.add_router("/", router)
    with pytest.raises(ComponentNameClash, match="'Item'"):
        api.get_openapi_schema(path_prefix="/")


def test_every_api_path_follows_the_convention(client):
    """No trailing slash; a meeting's services are nested under the meeting."""
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert [p for p in paths if p.endswith("/")] == []
    assert [p for p in paths if "meeting-services" in p] == []
    assert "/api/v1/meetings/{slug}/services" in paths


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/api/v1/documents/?year=2004", "/api/v1/documents?year=2004"),
        ("/api/v1/decisions/", "/api/v1/decisions"),
        ("/api/v1/meetings/", "/api/v1/meetings"),
        ("/api/v1/meeting-services/migracion-y-salud/", "/api/v1/meetings/migracion-y-salud/services"),
        ("/api/v1/meeting-services/migracion-y-salud/summary/", "/api/v1/meetings/migracion-y-salud/services/summary"),
        (
            "/api/v1/meeting-services/migracion-y-salud/7/status/",
            "/api/v1/meetings/migracion-y-salud/services/7/status",
        ),
    ],
)
def test_old_api_addresses_answer_with_a_permanent_redirect_that_keeps_the_method(client, old, new):
    path, _, query = old.partition("?")
    response = client.get(path, dict([query.split("=")]) if query else None)
    assert response.status_code == 308 and response["Location"] == new
    assert client.post(path).status_code == 308


def test_every_list_answers_one_page_shape_with_limit_and_offset(published):
    lists = []
    for path, operations in published["paths"].items():
        get = operations.get("get")
        if not get:
            continue
        schema = get["responses"]["200"].get("content", {}).get("application/json", {}).get("schema", {})
        assert schema.get("type") != "array", f"{path} answers a bare list"
        ref = schema.get("$ref", "")
        if ref.startswith("#/components/schemas/Paged"):
            lists.append(path)
            page = published["components"]["schemas"][ref.rsplit("/", 1)[1]]
            assert set(page["properties"]) == {"count", "results"}, path
            names = {p["name"] for p in get.get("parameters", [])}
            assert {"limit", "offset"} <= names, path
    assert "/api/v1/meetings" in lists and "/api/v1/documents" in lists and len(lists) >= 14


@pytest.mark.django_db
def test_a_list_pages_with_limit_and_offset_and_counts_everything(client):
    for i in range(5):
        Country.objects.create(
            iso2=f"Q{chr(65 + i)}", iso3=f"Q{chr(65 + i)}X", name_es=f"País {i}", name_en=f"Country {i}"
        )
    first = client.get("/api/v1/directory/countries?limit=2").json()
    second = client.get("/api/v1/directory/countries?limit=2&offset=2").json()
    assert first["count"] == second["count"] == Country.objects.count() > 4
    assert len(first["results"]) == len(second["results"]) == 2
    assert {c["iso2"] for c in first["results"]}.isdisjoint({c["iso2"] for c in second["results"]})
    refused = client.get("/api/v1/directory/countries?limit=500")
    assert refused.status_code == 422 and "detail" in refused.json()
