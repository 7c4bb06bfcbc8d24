"""The OpenAPI schema of the JSON API, and the bounded input types its endpoints share.

django-ninja builds the schema operation by operation and merges the components of each by
their short class name, so ``Meeting.Kind``, ``Organization.Kind`` and ``ContractedService.Kind``
all became one ``Kind`` (the last one written won) and most responses violated the published
schema. Here every component is named after its qualified class name (``MeetingKind``,
``OrganizationKind``, ``ContractedServiceKind``), and building the schema fails loudly if two
different components would still share a name. Every operation also declares the JSON error
bodies the API's exception handlers give (``secretaria/api.py``), so a client generator knows
them and a fuzzer finds no undocumented status.

The input types bound what a caller may send to what the database can hold: an id beyond the
64-bit primary keys, a year beyond 9999 or an offset beyond any table is refused with 422
instead of overflowing inside the database driver.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.openapi.schema import REF_TEMPLATE, OpenAPISchema
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser
from ninja.schema import NinjaGenerateJsonSchema
from pydantic import WithJsonSchema
from pydantic.json_schema import CoreModeRef, DefsRef

# --- Bounded input types -----------------------------------------------------------------

#: Primary keys are BigAutoField (settings.DEFAULT_AUTO_FIELD): signed 64-bit.
MAX_ID = 2**63 - 1
#: Small positive integers stored in 32-bit columns (PositiveIntegerField, IntegerField).
MAX_INT32 = 2**31 - 1

Id = Annotated[int, Field(ge=1, le=MAX_ID, description="Id (a positive 64-bit integer)")]
Year = Annotated[int, Field(ge=1, le=9999, description="A year, 1 to 9999")]
Offset = Annotated[int, Field(ge=0, le=MAX_INT32, description="Results to skip")]
Slug = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[-a-zA-Z0-9_]+$", description="A slug")]
Iso2 = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code")]

#: A wall-clock time without offset, as agenda items store it ("08:30:00"). pydantic would
#: declare ``format: time``, which JSON Schema defines as RFC 3339 ``full-time`` *with* an
#: offset; the API returns the meeting's local time without one.
LocalTime = Annotated[
    datetime.time,
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?$",
            "description": "Local time at the meeting's venue, HH:MM:SS, without offset",
            "examples": ["08:30:00"],
        }
    ),
]


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class NulRefusingParser(Parser):
    """Refuses text with a NUL character anywhere in a JSON body, a query string or a form:
    PostgreSQL cannot store it in a text column, nor compare a column with it."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if _has_nul(data):
            # ninja turns any error here into 400 "Cannot parse request body".
            raise ValueError("NUL character in the body")
        return data

    def parse_querydict(self, data, list_fields, request):
        result = super().parse_querydict(data, list_fields, request)
        if _has_nul(result):
            raise HttpError(422, _("Text may not contain the NUL character."))
        return result


# --- Error bodies ----------------------------------------------------------------------


class ApiError(Schema):
    """The body of every error answer: ``{"detail": "…"}``, with ``errors`` for invalid data."""

    detail: str
    errors: Any = Field(None, description="For 400 and 422: what was wrong with the input, field by field")


_ERROR_DESCRIPTIONS = {
    400: "Invalid data (refused by the rules of the domain)",
    401: "Authentication required, or the token is not valid",
    403: "Not allowed for this caller",
    404: "Not found, or not visible to this caller",
    422: "Invalid input (wrong type, out of range, missing field)",
}


# --- Unique component names ------------------------------------------------------------


def qualified_name(core_ref: str) -> str | None:
    """``secretaria.meetings.models.meeting.Meeting.Kind:1234`` → ``MeetingKind``: the class
    names of the reference (the capitalised trailing parts), joined. None for generic types."""
    if "[" in core_ref:
        return None
    dotted = core_ref.rsplit(":", 1)[0]
    classes = []
    for part in reversed(dotted.split(".")):
        if not part[:1].isupper():
            break
        classes.insert(0, part)
    return "".join(classes) or None


class UniqueNamesJsonSchema(NinjaGenerateJsonSchema):
    def get_defs_ref(self, core_mode_ref: CoreModeRef) -> DefsRef:
        defs_ref = super().get_defs_ref(core_mode_ref)
        name = qualified_name(core_mode_ref[0])
        if name and re.fullmatch(r"[A-Za-z0-9_]+", name):
            # pydantic takes the first choice that is unique in this generation; ours comes first.
            self._prioritized_defsref_choices[defs_ref].insert(0, DefsRef(name))
        return defs_ref


class _WithUniqueNames:
    """A ninja model seen by ninja's OpenAPISchema, asking pydantic with our generator."""

    def __init__(self, model):
        self._model = model

    def __getattr__(self, name):
        return getattr(self._model, name)

    def model_json_schema(self, **kwargs):
        kwargs["schema_generator"] = UniqueNamesJsonSchema
        return self._model.model_json_schema(**kwargs)


class ComponentNameClash(ValueError):
    pass


class ApiOpenAPISchema(OpenAPISchema):
    def _extract_parameters(self, model):
        return super()._extract_parameters(_WithUniqueNames(model))

    def _create_schema_from_model(self, model, *args, **kwargs):
        return super()._create_schema_from_model(_WithUniqueNames(model), *args, **kwargs)

    def add_schema_definitions(self, definitions: dict) -> None:
        for name, definition in definitions.items():
            if name in self.schemas and self.schemas[name] != definition:
                raise ComponentNameClash(f"Two different schemas are both named {name!r} in the OpenAPI components.")
            self.schemas[name] = definition

    def operation_details(self, operation) -> dict:
        details = super().operation_details(operation)
        if "ApiError" not in self.schemas:
            self.add_schema_definitions(
                {
                    "ApiError": ApiError.model_json_schema(
                        ref_template=REF_TEMPLATE, schema_generator=UniqueNamesJsonSchema, mode="serialization"
                    )
                }
            )
        responses = details["responses"]
        has_input = bool(details.get("parameters")) or "requestBody" in details
        has_path = any(p["in"] == "path" for p in details.get("parameters", []))
        writes = not set(operation.methods) <= {"GET", "HEAD", "OPTIONS"}
        for status, description in _ERROR_DESCRIPTIONS.items():
            if (
                status in responses
                or (status == 401 and not operation.auth_callbacks)
                or (status == 400 and not writes)
                or (status == 404 and not has_path)
                or (status == 422 and not has_input)
            ):
                continue
            responses[status] = {
                "description": description,
                "content": {"application/json": {"schema": {"$ref": REF_TEMPLATE.format(model="ApiError")}}},
            }
        for status, response in responses.items():
            if status >= 400 and "content" not in response:
                response["content"] = {"application/json": {"schema": {"$ref": REF_TEMPLATE.format(model="ApiError")}}}
        return details


class Api(NinjaAPI):
    """The project's NinjaAPI: publishes :class:`ApiOpenAPISchema`, parses with :class:`NulRefusingParser`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("parser", NulRefusingParser())
        super().__init__(**kwargs)

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict | None = None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return ApiOpenAPISchema(self, path_prefix)


# --- One way to page every list -----------------------------------------------------------


class Page(LimitOffsetPagination):
    """Every list of the API: ``?limit=`` (1–200, default 50) and ``?offset=``, answered as
    ``{"count": <all matching>, "results": [<this page>]}``. Use it with ``@paginate(Page)`` on an
    endpoint declared ``response=list[Item]``; return a queryset, a list, or ``mapped(qs, fn)``
    when each item is built by a function (only the page's rows are then built)."""

    class Input(Schema):
        limit: int = Field(50, ge=1, le=200, description="Results per page (1–200)")
        offset: Offset = 0

    class Output(Schema):
        count: int
        results: list[Any]

    items_attribute = "results"

    def __init__(self, **kwargs):
        super().__init__(max_limit=200, **kwargs)


class mapped:  # noqa: N801 - used like a function: ``return mapped(qs, _out)``
    """A queryset seen through ``fn``: counted in the database, and ``fn`` applied to the rows of
    the requested slice only."""

    def __init__(self, queryset, fn):
        self.queryset, self.fn = queryset, fn

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.fn(row) for row in self.queryset[index]]
        return self.fn(self.queryset[index])
