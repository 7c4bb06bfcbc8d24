from ninja import Router, Schema

from secretaria.directory.models import Country

router = Router(tags=["directory"])


class CountryOut(Schema):
    iso2: str
    iso3: str
    name_es: str
    name_en: str
    status: str


@router.get("/countries", response=list[CountryOut], summary="Member, observer and other countries")
def countries(request):
    return Country.objects.order_by("name_es")
