"""Search benchmark: indexing throughput and query latency, service layer vs raw engine.

    python bench/search.py [--docs 100000] [--db sqlite|postgres] [--engine database|tantivy] [--reps 5]
                           [--seed 2004] [--keep DIR_OR_NAME] [--cpu]

Builds a throwaway database (a temporary SQLite file, or a PostgreSQL database named
sv_bench_<pid> on $BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432), migrates it,
generates N bilingual documents of 250 to 3,000 words of migration-policy prose on one or
two of 14 topics (deterministic for a seed; "migración" and "Secretaría" occur in most
Spanish documents, the topical words in a few per cent of them), indexes
them through the search services and then runs a fixed mix of 20 queries three ways:

* service: ``secretaria.search.selectors.search`` as a member-country official (access
  filtering, total, facet counts, snippets, titles and links of one page of 20), and its
  two halves as the results page asks for them with tantivy: "first page"
  (``facets=False``: the hits and their total, the page's first answer) and "facets"
  (``search_facets``: the filters, loaded by the page after it has been shown; the
  database engines' page shows them at once, and their "first page" costs the same);
* HTTP: GET /api/v1/search through Django's test client, same user;
* raw: the engine alone, the same full-text expression with the same ranking and LIMIT 20
  (FTS5 MATCH ... ORDER BY bm25 / tsvector @@ ... ORDER BY ts_rank_cd / tantivy's top 20
  by BM25 without a count), no access filter.

``--engine tantivy`` searches with the top-k engine beside the database (SEARCH_ENGINE=tantivy,
decision 0009); its index lives in the work directory (with --keep on PostgreSQL, in
/tmp/sv-bench-tantivy-NAME).

Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# --- Text generation ------------------------------------------------------------------
# General sentences (in every document) mention the Conference, the Secretariat and
# migration; topical ones (one or two topics per document) carry the rarer words.
ES_SUBJECTS = [
    "La Secretaría Técnica",
    "La Presidencia Pro Tempore",
    "El Grupo Regional de Consulta sobre Migración",
    "La Conferencia Regional sobre Migración",
    "La Red de Funcionarios de Enlace",
    "La OIM",
    "El Gobierno de Panamá",
    "La delegación de Guatemala",
    "La Viceministra",
    "El ACNUR",
    "La Red Regional de Organizaciones Civiles para las Migraciones",
    "La delegación de México",
    "El Coordinador de la Secretaría",
    "Los países miembros",
    "La Secretaría",
]
ES_VERBS = [
    "presentó",
    "coordinó",
    "propuso",
    "aprobó",
    "analizó",
    "recomendó",
    "revisó",
    "examinó",
    "informó sobre",
    "dio seguimiento a",
    "apoyó",
    "promovió",
    "destacó",
    "financió",
    "convocó",
]
ES_GENERAL = [
    "la política migratoria regional",
    "el plan de acción de la Conferencia",
    "el informe semestral",
    "la reunión viceministerial",
    "el presupuesto de la Secretaría",
    "la migración en la región",
    "la cooperación entre los países de origen, tránsito y destino",
    "los acuerdos de la IX CRM",
    "el calendario de reuniones",
    "la agenda anotada",
    "la memoria de la reunión",
    "el sitio web de la Conferencia",
]
ES_TAILS = [
    "en la región",
    "durante el período",
    "con el apoyo de la OIM",
    "según lo acordado en la IX CRM",
    "en coordinación con la Secretaría",
    "para el próximo semestre",
    "ante el GRCM",
    "en materia de migración",
    "con los países miembros",
    "en San José",
    "en la ciudad de Panamá",
    "con la sociedad civil",
    "para la Viceministerial",
]
EN_SUBJECTS = [
    "The Technical Secretariat",
    "The Pro-Tempore Presidency",
    "The Regional Consultation Group on Migration",
    "The Regional Conference on Migration",
    "The liaison officer network",
    "IOM",
    "The Government of Canada",
    "The delegation of the United States",
    "UNHCR",
    "The member countries",
    "The Secretariat",
]
EN_VERBS = [
    "presented",
    "coordinated",
    "proposed",
    "approved",
    "reviewed",
    "recommended",
    "examined",
    "reported on",
    "followed up on",
    "supported",
    "promoted",
    "funded",
]
EN_GENERAL = [
    "regional migration policy",
    "the plan of action",
    "the six-monthly report",
    "the vice-ministerial meeting",
    "the Secretariat's budget",
    "migration in the region",
    "cooperation among countries of origin, transit and destination",
    "the calendar of meetings",
    "the annotated agenda",
    "the minutes of the meeting",
    "the Conference's web site",
]
EN_TAILS = [
    "in the region",
    "during the period",
    "with IOM's support",
    "as agreed at the IX RCM",
    "in coordination with the Secretariat",
    "for the next semester",
    "before the RCGM",
    "on migration matters",
    "with the member countries",
]
TOPICS = {
    "remittances": (["las remesas familiares", "el costo del envío de remesas", "el uso productivo de las remesas"],
                    ["family remittances", "the cost of sending remittances", "the productive use of remittances"]),
    "trafficking": (["la trata de personas", "la atención a víctimas de trata", "la persecución de los tratantes"],
                    ["trafficking in persons", "assistance to victims of trafficking", "the prosecution of traffickers"]),
    "smuggling": (["el tráfico ilícito de migrantes", "las redes de tráfico de migrantes"],
                  ["migrant smuggling", "smuggling networks"]),
    "consular": (["la protección consular", "la red de consulados", "la asistencia consular a los detenidos"],
                 ["consular protection", "the network of consulates", "consular assistance to detainees"]),
    "return": (["el retorno asistido", "la reintegración de los retornados", "el retorno voluntario"],
               ["assisted returns", "the reintegration of returnees", "voluntary return"]),
    "health": (["la salud de los migrantes", "el acceso a servicios de salud", "el VIH y la movilidad"],
               ["migrant health", "access to health services", "HIV and mobility"]),
    "children": (["los menores no acompañados", "la niñez migrante", "la reunificación familiar"],
                 ["unaccompanied children", "migrant children", "family reunification"]),
    "refugees": (["la protección de refugiados", "la integración de los refugiados", "el derecho de asilo"],
                 ["refugee protection", "refugee integration", "the right to asylum"]),
    "labour": (["la migración laboral", "los trabajadores temporales", "los mercados de trabajo"],
               ["labour migration", "temporary workers", "labour markets"]),
    "borders": (["la gestión de fronteras", "los puestos fronterizos", "la seguridad en la frontera"],
                ["border management", "border posts", "border security"]),
    "rights": (["los derechos humanos de los migrantes", "la no discriminación", "el debido proceso"],
               ["the human rights of migrants", "non-discrimination", "due process"]),
    "statistics": (["las estadísticas migratorias", "el sistema de información estadística", "los censos"],
                   ["migration statistics", "the statistical information system", "censuses"]),
    "fund": (["el Fondo de Reserva", "los aportes al Fondo", "los casos atendidos por el Fondo"],
             ["the Reserve Fund", "contributions to the Fund", "the cases assisted by the Fund"]),
    "gender": (["las mujeres migrantes", "la perspectiva de género", "la violencia contra las mujeres"],
               ["migrant women", "the gender perspective", "violence against women"]),
}  # fmt: skip
TYPES = ["letter", "report", "agenda", "annotated_agenda", "note", "presentation", "declaration", "working_paper"]
TYPE_ES = {
    "letter": "Carta",
    "report": "Informe",
    "agenda": "Agenda preliminar",
    "annotated_agenda": "Agenda anotada",
    "note": "Nota administrativa",
    "presentation": "Presentación",
    "declaration": "Declaración",
    "working_paper": "Documento de trabajo",
}
TYPE_EN = {
    "letter": "Letter",
    "report": "Report",
    "agenda": "Preliminary agenda",
    "annotated_agenda": "Annotated agenda",
    "note": "Administrative note",
    "presentation": "Presentation",
    "declaration": "Declaration",
    "working_paper": "Working paper",
}
COUNTRIES = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
LEVELS = (["public"] * 50 + ["registered"] * 10 + ["observers"] * 10 + ["members"] * 20
          + ["group"] * 5 + ["secretariat"] * 5)  # fmt: skip


def sentence_pools(rng: random.Random):
    """{"es"|"en": {"general"|topic: [sentences]}}, drawn once per seed."""

    def make(subjects, verbs, objects, tails, n):
        out = []
        for _ in range(n):
            words = [rng.choice(subjects), rng.choice(verbs), rng.choice(objects)]
            if rng.random() < 0.6:
                words.append(rng.choice(tails))
            if rng.random() < 0.2:
                words.append(f"({rng.randint(1996, 2025)})")
            out.append(" ".join(words) + ".")
        return out

    pools = {"es": {"general": make(ES_SUBJECTS, ES_VERBS, ES_GENERAL, ES_TAILS, 3000)},
             "en": {"general": make(EN_SUBJECTS, EN_VERBS, EN_GENERAL, EN_TAILS, 3000)}}  # fmt: skip
    for topic, (es_objects, en_objects) in TOPICS.items():
        pools["es"][topic] = make(ES_SUBJECTS, ES_VERBS, es_objects, ES_TAILS, 400)
        pools["en"][topic] = make(EN_SUBJECTS, EN_VERBS, en_objects, EN_TAILS, 400)
    return pools


def generate(n: int, seed: int, start_id: int = 1):
    """Yield n SearchEntry objects, deterministically for a seed."""
    from secretaria.search.registry import SearchEntry

    rng = random.Random(seed)
    pools = sentence_pools(rng)
    topic_names = list(TOPICS)
    for i in range(start_id, start_id + n):
        target = int(250 * 12 ** (rng.random() ** 1.4))  # 250 .. 3,000 words, median ~640
        lang = rng.choices(["es", "en", "both"], weights=[65, 20, 15])[0]
        langs = ["es", "en"] if lang == "both" else [lang]
        topics = rng.sample(topic_names, rng.choice([1, 1, 2]))
        parts, words = {"es": [], "en": []}, 0
        while words < target:
            language = rng.choice(langs)
            pool = pools[language]["general" if rng.random() < 0.45 else rng.choice(topics)]
            sentence = rng.choice(pool)
            parts[language].append(sentence)  # each language's text stemmed by its own stemmer
            words += sentence.count(" ") + 1
        doc_type = rng.choice(TYPES)
        year = rng.randint(1996, 2025)
        topic_es, topic_en = TOPICS[topics[0]][0][0], TOPICS[topics[0]][1][0]
        level = rng.choice(LEVELS)
        yield SearchEntry(
            kind="document",
            object_id=i,
            title_es=f"{TYPE_ES[doc_type]} de la Secretaría Técnica sobre {topic_es}" if lang != "en" else "",
            title_en=f"{TYPE_EN[doc_type]} of the Technical Secretariat on {topic_en}" if lang != "es" else "",
            date=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
            access_level=level,
            access_group_id=rng.randint(1, 4) if level == "group" else None,
            summary_es=" ".join(rng.sample(pools["es"][topics[0]], 2)) if lang != "en" else "",
            summary_en=" ".join(rng.sample(pools["en"][topics[0]], 2)) if lang != "es" else "",
            keywords=f"CRM/ST/{year}/{i} {topic_es} {topic_en}",
            body_es=" ".join(parts["es"]),
            body_en=" ".join(parts["en"]),
            doc_type=doc_type,
            year=year,
            meeting_id=(year - 1995) * 2 - rng.randint(0, 1) if rng.random() < 0.5 else None,
            group_id=rng.randint(1, 4) if rng.random() < 0.3 else None,
            country=rng.choice(COUNTRIES),
            languages=langs,
            status="withdrawn" if rng.random() < 0.05 else "published",
        )


# The fixed mix: (q, filters, sort)
QUERIES = [
    ("migración", {}, "relevance"),
    ("migracion", {}, "relevance"),
    ("Secretaría", {}, "relevance"),
    ("migra*", {}, "relevance"),
    ("MIGRACIÓN", {"year": 2004}, "relevance"),
    ("remesas", {}, "relevance"),
    ('"trata de personas"', {}, "relevance"),
    ("proteccion consular", {}, "relevance"),
    ('"protección consular"', {"country": "GT"}, "relevance"),
    ("retorn*", {"doc_type": "report"}, "relevance"),
    ("returns", {}, "relevance"),
    ("menores no acompañados", {}, "relevance"),
    ("refugiados", {"language": "es"}, "relevance"),
    ("salud migrantes", {"status": "published"}, "relevance"),
    ("trafficking", {"language": "en"}, "relevance"),
    ('"Fondo de Reserva"', {}, "relevance"),
    ("migración", {}, "date"),
    ("frontera", {"year": 2010}, "date"),
    ("remittances", {}, "date"),
    ('"derechos humanos" mujeres', {"doc_type": "declaration"}, "relevance"),
]


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def summarise(samples_ms):
    return percentile(samples_ms, 50), percentile(samples_ms, 95)


def setup_django(db: str, workdir: Path, keep: str | None = None, engine: str = "database") -> str:
    os.environ["VAR_DIR"] = str(workdir)
    os.environ["SEARCH_ENGINE"] = engine
    kept_dir = Path(tempfile.gettempdir()) / f"sv-bench-tantivy-{keep}"
    index_dir = kept_dir if keep and db == "postgres" else workdir / "search-index"
    os.environ["SEARCH_INDEX_DIR"] = str(index_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "secretaria.test_settings"
    if db == "sqlite":
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    else:
        import psycopg

        base = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
        name = keep or f"sv_bench_{os.getpid()}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        url = f"{base}/{name}"
    os.environ["DATABASE_URL"] = url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def drop_pg(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--engine", choices=["database", "tantivy"], default="database", help="SEARCH_ENGINE")
    parser.add_argument("--reps", type=int, default=5, help="runs of each query per mode (after one warm-up)")
    parser.add_argument("--seed", type=int, default=2004)
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time the queries in CPU time of this process (SQLite runs in it): what a quiet machine shows",
    )
    parser.add_argument(
        "--keep",
        metavar="DIR_OR_NAME",
        help="keep the database and reuse it next time: SQLite in the directory DIR, PostgreSQL as database NAME",
    )
    args = parser.parse_args()

    if args.keep and args.db == "sqlite":
        workdir = Path(args.keep)
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="sv-bench-"))
    url = setup_django(args.db, workdir, args.keep if args.db == "postgres" else None, args.engine)
    try:
        run(args)
    finally:
        if args.db == "postgres" and not args.keep:
            drop_pg(url)
        if not (args.keep and args.db == "sqlite"):
            shutil.rmtree(workdir, ignore_errors=True)


def run(args) -> None:
    from django.db import connection

    from secretaria.search.backends import SearchFilters, get_backend
    from secretaria.search.query import parse_query
    from secretaria.search.registry import SearchSource, register_source
    from secretaria.search.selectors import search, search_facets

    class BenchSource(SearchSource):
        kind = "document"
        label = "Document"

        def entry_for(self, obj):
            return obj

        def iter_objects(self):
            return []

        def url_for(self, object_id, lang):
            return f"/{lang}/documents/{object_id}/"

    register_source(BenchSource())
    backend = get_backend()
    engine = "tantivy" if backend.vendor == "tantivy" else "the database's engine"
    print(f"Secretaría Virtual search benchmark: {args.docs:,} documents on {connection.vendor}, {engine}", flush=True)

    from secretaria.search.models import SearchIndexEntry

    if args.keep and SearchIndexEntry.objects.count() >= args.docs:
        print("  (reusing the index kept in --keep; indexing not measured)")
    else:
        index_all(args, backend)
    query_mix(args, connection, (search, search_facets), parse_query, SearchFilters)


def index_all(args, backend):
    from django.db import transaction

    from secretaria.search.services import BATCH_SIZE, index_entries, index_object

    gen_seconds = index_seconds = 0.0
    words = 0
    docs = generate(args.docs, args.seed)
    done = 0
    while done < args.docs:
        t0 = time.perf_counter()
        batch = [next(docs) for _ in range(min(BATCH_SIZE * 4, args.docs - done))]
        t1 = time.perf_counter()
        with transaction.atomic():
            index_entries("document", batch)
        t2 = time.perf_counter()
        gen_seconds += t1 - t0
        index_seconds += t2 - t1
        words += sum(len(e.body_es.split()) + len(e.body_en.split()) for e in batch)
        done += len(batch)
        if done % 20_000 == 0 or done == args.docs:
            print(f"  indexed {done:,} ({done / index_seconds:,.0f} docs/s so far)", flush=True)
    t0 = time.perf_counter()
    with transaction.atomic():
        backend.optimize()
    optimize_seconds = time.perf_counter() - t0
    print(f"Indexing: {args.docs:,} documents, {words:,} words of body ({words / args.docs:,.0f} per document)")
    print(f"  bulk (reindex path): {args.docs / index_seconds:,.0f} docs/s ({index_seconds:.1f} s; "
          f"text generation {gen_seconds:.1f} s excluded); optimize/analyze {optimize_seconds:.1f} s")  # fmt: skip

    # One object at a time, as after each edit (updates of existing entries).
    rng = random.Random(args.seed + 1)
    singles = list(generate(200, args.seed + 2, start_id=1))
    for e in singles:
        e.object_id = rng.randint(1, args.docs)
    t0 = time.perf_counter()
    for e in singles:
        with transaction.atomic():
            index_object("document", e)
    single_seconds = time.perf_counter() - t0
    print(f"  index_object (update one entry, own transaction): {len(singles) / single_seconds:,.0f} docs/s")


def query_mix(args, connection, selectors, parse_query, SearchFilters):  # noqa: N803
    search, search_facets = selectors
    from django.db import transaction
    from django.test import Client

    from secretaria.accounts.models import User
    from secretaria.accounts.services import user_create
    from secretaria.core.access import Role
    from secretaria.directory.models import Country, Group, Membership, Person

    User.objects.filter(username="bench").delete()
    Person.objects.filter(email="b@example.org").delete()

    # --- The member user ---
    with transaction.atomic():
        country, _ = Country.objects.get_or_create(
            iso2="GT", defaults={"iso3": "GTM", "name_es": "Guatemala", "name_en": "Guatemala", "status": "member"}
        )
        group, _ = Group.objects.get_or_create(
            slug="red", defaults={"kind": "network", "name_es": "Red", "name_en": "Network"}
        )
        person = Person.objects.create(given_name="Carlos", family_name="Bench", email="b@example.org", country=country)
        Membership.objects.create(group=group, person=person, country=country)
        user = user_create(username="bench", email="b@example.org", role=Role.MEMBER, password="x" * 12,
                           country=country, person=person)  # fmt: skip
    client = Client()
    client.force_login(user)

    def filters_of(f):
        return SearchFilters(**f)

    def run_service(q, f, sort):
        r = search(user=user, q=q, filters=filters_of(f), sort=sort, page=1, per_page=20)
        return r.total

    def run_first_page(q, f, sort):
        return search(user=user, q=q, filters=filters_of(f), sort=sort, page=1, per_page=20, facets=False).total

    def run_facets(q, f, sort):
        return search_facets(user=user, q=q, filters=filters_of(f)).total

    def run_http(q, f, sort):
        params = {"q": q, "sort": sort, **{("type" if k == "doc_type" else k): v for k, v in f.items()}}
        response = client.get("/api/v1/search", params)
        if response.status_code != 200:
            raise RuntimeError(response.content)
        return response.json()["total"]

    from secretaria.search.backends import get_backend

    raw = RawEngine(get_backend().vendor)

    def run_raw(q, f, sort):
        return raw.run(parse_query(q), filters_of(f), sort)

    modes = [
        ("raw engine", run_raw),
        ("first page", run_first_page),
        ("facets", run_facets),
        ("service", run_service),
        ("HTTP API", run_http),
    ]
    clock = time.process_time if args.cpu else time.perf_counter
    samples = {name: [] for name, _fn in modes}
    times = {(i, name): [] for i in range(len(QUERIES)) for name, _fn in modes}
    per_query = [{"q": q, "filters": f, "sort": sort} for q, f, sort in QUERIES]
    for i, (q, f, sort) in enumerate(QUERIES):  # warm-up, and the hit counts
        for name, fn in modes:
            result = fn(q, f, sort)
            if name == "service":
                per_query[i]["total"] = result
    # Round robin (each run: every query, each mode in turn) so that the noise of a shared
    # machine falls on the three modes alike.
    for _ in range(args.reps):
        for i, (q, f, sort) in enumerate(QUERIES):
            for name, fn in modes:
                t0 = clock()
                fn(q, f, sort)
                elapsed = (clock() - t0) * 1000
                times[(i, name)].append(elapsed)
                samples[name].append(elapsed)
    for i, row in enumerate(per_query):
        for name, _fn in modes:
            row[name] = statistics.median(times[(i, name)])

    print(
        f"\nQueries: 20 queries x {args.reps} runs per mode, page of 20, member-country official"
        + (" (CPU time of this process)" if args.cpu else "")
    )
    print(f"{'query':45} {'hits':>7} {'raw ms':>8} {'page':>8} {'facets':>8} {'service':>8} {'HTTP':>8}")
    for row in per_query:
        label = (
            row["q"] + (f" {row['filters']}" if row["filters"] else "") + (" [date]" if row["sort"] == "date" else "")
        )
        print(
            f"{label[:45]:45} {row['total']:>7,} {row['raw engine']:>8.1f} {row['first page']:>8.1f} "
            f"{row['facets']:>8.1f} {row['service']:>8.1f} {row['HTTP API']:>8.1f}"
        )
    raw_p50, raw_p95 = summarise(samples["raw engine"])
    print()
    for name, _fn in modes:
        p50, p95 = summarise(samples[name])
        ratio = "" if name == "raw engine" else f"   ratio to raw: p50 {p50 / raw_p50:.2f}x, p95 {p95 / raw_p95:.2f}x"
        print(f"{name:12} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms{ratio}")


class RawEngine:
    """The same full-text expression and ranking, run directly: no access, no counts, no snippets."""

    def __init__(self, vendor):
        self.vendor = vendor

    def run(self, parsed, filters, sort):
        from django.db import connection

        if self.vendor == "tantivy":
            from secretaria.search.backends import tantivy as t

            searcher = t.engine().searcher()
            clauses = t.text_clauses(parsed, searcher) + t.filter_clauses(filters)
            query = t.Query.boolean_query(clauses)
            if sort == "date":
                result = searcher.search(query, 20, count=False, order_by_field="date_key")
            else:
                result = searcher.search(query, 20, count=False)
            return len(searcher.fast_field_values("id", [address for _key, address in result.hits]))
        if self.vendor == "sqlite":
            from secretaria.search.backends import sqlite as s

            expr = s.text_expr(parsed)
            for token in s.filter_tokens(filters):
                expr += f" AND meta : {token}"
            if sort == "date":
                sql = (f"SELECT e.id FROM {s.TABLE} JOIN {s.ENTRY} AS e ON e.id = {s.TABLE}.rowid "  # noqa: S608
                       f"WHERE {s.TABLE} MATCH %s ORDER BY e.date DESC, e.id DESC LIMIT 20")  # fmt: skip
            else:
                sql = f"SELECT rowid, {s.RANK} AS r FROM {s.TABLE} WHERE {s.TABLE} MATCH %s ORDER BY r LIMIT 20"  # noqa: S608
            params = [expr]
        else:
            from secretaria.search.backends import postgres as p

            tsq, params = p.tsquery_sql(parsed)
            where = [f"search_vector @@ ({tsq})"]
            for name, value in p.filter_kwargs(filters).items():
                if name == "languages__contains":
                    where.append("languages LIKE %s")
                    params = [*params, f"%{value}%"]
                else:
                    where.append(f"{name} = %s")
                    params = [*params, value]
            if sort == "date":
                sql = (f"SELECT id FROM search_searchindexentry WHERE {' AND '.join(where)} "  # noqa: S608
                       "ORDER BY date DESC NULLS LAST, id DESC LIMIT 20")  # fmt: skip
            else:
                sql = (f"SELECT id, ts_rank_cd('{p.WEIGHTS}', search_vector, ({tsq})) AS r "  # noqa: S608
                       f"FROM search_searchindexentry WHERE {' AND '.join(where)} ORDER BY r DESC LIMIT 20")  # fmt: skip
                params = [*tsq_params(tsq, params)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return len(cursor.fetchall())


def tsq_params(tsq, params):
    """Rank query: the tsquery's parameters appear twice (SELECT and WHERE)."""
    count = tsq.count("%s")
    return list(params[:count]) + list(params)


if __name__ == "__main__":
    main()
