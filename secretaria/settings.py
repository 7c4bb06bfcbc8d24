"""Settings for Secretaría Virtual, read from the environment.

`.env.example` documents every variable. `DEV_MODE=1` (what `make run` sets) turns on
the conveniences of a developer's laptop: a generated secret key, DEBUG, e-mail saved to
files under var/mail. Anything else is production: missing or unsafe values stop the
process at start-up.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _

from secretaria.env import (
    admins_from,
    env_bool,
    env_int,
    env_list,
    env_str,
    fund_encryption_keys,
    fund_hmac_key,
    s3_storages,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEV_MODE = env_bool("DEV_MODE", False)
DEBUG = env_bool("DEBUG", DEV_MODE)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-"):
            raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters")
        return key
    if not DEV_MODE:
        raise ImproperlyConfigured("SECRET_KEY is required outside DEV_MODE (see .env.example)")
    # A developer's machine keeps one generated key, so sessions survive a restart.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key() * 2)
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()


FUND_ENCRYPTION_KEYS = fund_encryption_keys(dev_mode=DEV_MODE, secret_key=SECRET_KEY)
FUND_HMAC_KEY = fund_hmac_key(dev_mode=DEV_MODE, secret_key=SECRET_KEY)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEV_MODE else [])
if not ALLOWED_HOSTS and not DEBUG:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required outside DEV_MODE, e.g. ALLOWED_HOSTS=sv.example.org")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = (
    env_str("SITE_URL") or ("http://127.0.0.1:8000" if DEV_MODE else f"https://{(ALLOWED_HOSTS or ['localhost'])[0]}")
).rstrip("/")
if urlsplit(SITE_URL).scheme not in {"http", "https"}:
    raise ImproperlyConfigured(f"SITE_URL must start with http:// or https://, got {SITE_URL!r}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",  # without libraries' source maps: secretaria/core/staticfiles.py
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "simple_history",
    "ninja",
    "django_ckeditor_5",
    "secretaria.core",
    # The directory comes before accounts: load_demo runs the apps' demo modules in this
    # order, and the demo accounts are linked to people of the demo directory.
    "secretaria.directory",
    "secretaria.accounts",
    "secretaria.portal",
    "secretaria.search",
    "secretaria.documents",
    "secretaria.outbox",
    "secretaria.activity",
    "secretaria.meetings",
    "secretaria.decisions",
    "secretaria.forums",
    "secretaria.comms",
    "secretaria.outreach",
    "secretaria.fund",
    "secretaria.media",
    "secretaria.archive",
    "secretaria.reports",
]

MIDDLEWARE = [
    "secretaria.core.middleware.RequestIdMiddleware",
    # /healthz and /readyz, before the HTTPS redirect and the Host check (core/health.py).
    "secretaria.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "secretaria.core.middleware.PermissionsPolicyMiddleware",
    "secretaria.core.middleware.ApiJsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "secretaria.directory.middleware.ViewerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "secretaria.accounts.middleware.RequireTwoFactorMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "secretaria.archive.middleware.RedirectFallbackMiddleware",
    "secretaria.archive.middleware.ReadOnlyMiddleware",
]

# The site during a move (docs/admin/moving.md): pages, files and sign-in keep working, every
# other write is refused with 503, so nothing changes after the export.
SITE_READ_ONLY = env_bool("SITE_READ_ONLY", False)

ROOT_URLCONF = "secretaria.urls"
WSGI_APPLICATION = "secretaria.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "secretaria" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "secretaria.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
_DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
try:
    _db = dj_database_url.parse(_DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0))
except Exception as exc:  # dj-database-url raises several types for a malformed URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL Secretaría Virtual understands: {exc}") from None
if _db["ENGINE"] == "django.db.backends.sqlite3":
    _db["CONN_MAX_AGE"] = 0
    _db["OPTIONS"] = {
        # WAL lets readers work while the worker writes; IMMEDIATE transactions and a busy
        # timeout turn "database is locked" into a short wait.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20, minimum=1),
    }
    if _db["NAME"] not in ("", ":memory:"):
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
elif _db["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must be sqlite:///path or postgres://user@host/name")
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits, login lockout) and sessions --------------------------------------
# CACHE_URL (or REDIS_URL) = redis://…: Django's Redis cache, shared by every process on every
# machine, so rate limits and lockouts hold across them; sessions are then read from Redis and
# written through to the database ("cached_db": a Redis restart signs nobody out).
_REDIS_URL = env_str("REDIS_URL")
CACHE_URL = env_str("CACHE_URL") or _REDIS_URL
if CACHE_URL and urlsplit(CACHE_URL).scheme not in {"redis", "rediss", "unix"}:
    raise ImproperlyConfigured(
        f"CACHE_URL must be a redis://, rediss:// or unix:// URL, got {CACHE_URL.split(':')[0]!r}"
    )
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # A Redis that stops answering slows a request by two seconds, never hangs it.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if CACHE_URL
        # Shared by every gunicorn worker on one machine, unlike the local-memory cache.
        else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(VAR_DIR / "cache")}
    )
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if CACHE_URL else "django.contrib.sessions.backends.db"

# --- Search engine ----------------------------------------------------------------------
# "database": the database's own full-text search (SQLite FTS5, PostgreSQL tsvector).
# "tantivy": a top-k engine in SEARCH_INDEX_DIR, kept in step with the database through
# search.SearchEngineChange (decision 0009); for archives of tens of thousands of documents.
# After switching, run `manage.py reindex`. Every process of one site shares the directory.
SEARCH_ENGINE = env_str("SEARCH_ENGINE", "database")
if SEARCH_ENGINE not in {"database", "tantivy"}:
    raise ImproperlyConfigured(f"SEARCH_ENGINE must be 'database' or 'tantivy', got {SEARCH_ENGINE!r}")
SEARCH_INDEX_DIR = Path(env_str("SEARCH_INDEX_DIR", str(VAR_DIR / "search-index")))
# "commit": the engine applies a transaction's changes once it commits. "immediate": at once,
# inside the transaction (tests only, where each test has a fresh index and rolls back).
SEARCH_ENGINE_SYNC = "commit"

# --- Background tasks -----------------------------------------------------------------
# "database": django-tasks-db, run by `manage.py db_worker`. "rq": Redis through RQ
# (django-tasks-rq on django-rq), run by `manage.py rqworker default email --with-scheduler`,
# with retries and the failed-job list in the admin. "immediate": inside the request (tests).
_TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if _TASKS_BACKEND not in {"database", "immediate", "rq"}:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'database', 'rq' or 'immediate'")
TASK_QUEUES = ["default", "email"]
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "rq": "django_tasks_rq.RQBackend",
        }[_TASKS_BACKEND],
        "QUEUES": TASK_QUEUES,
    }
}
# RQ only: further attempts after a failure and the seconds between them (the last delay repeats).
TASKS_MAX_RETRIES = env_int("TASKS_MAX_RETRIES", 3, minimum=0)
TASKS_RETRY_DELAYS = [int(value) for value in env_list("TASKS_RETRY_DELAYS", ["30", "120", "600"])]
RQ_REDIS_URL = env_str("RQ_REDIS_URL") or _REDIS_URL
if _TASKS_BACKEND == "rq" and not RQ_REDIS_URL:
    raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL (or RQ_REDIS_URL), e.g. redis://127.0.0.1:6379/0")
RQ_QUEUES = {
    name: {
        "URL": RQ_REDIS_URL or "redis://127.0.0.1:6379/0",
        "DEFAULT_TIMEOUT": env_int("TASKS_TIMEOUT", 900, minimum=1),
    }
    for name in TASK_QUEUES
}
RQ = {"QUEUE_CLASS": "secretaria.core.taskqueue.RetryingQueue", "JOB_CLASS": "django_tasks_rq.Job"}
RQ_SHOW_ADMIN_LINK = True
if _TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")

# --- Accounts and security ------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_FORMS = {"login": "secretaria.accounts.forms.LoginForm"}
ACCOUNT_ADAPTER = "secretaria.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = None
# Login lockout: after LOGIN_MAX_FAILURES failed attempts for one account, further
# attempts are refused for LOGIN_LOCKOUT_SECONDS (allauth's rate limit on "login_failed").
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5, minimum=1)
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 900, minimum=1)
ACCOUNT_RATE_LIMITS = {
    "login_failed": f"20/m/ip,{LOGIN_MAX_FAILURES}/{LOGIN_LOCKOUT_SECONDS}s/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Secretaría Virtual"
MFA_ADAPTER = "secretaria.accounts.adapter.MFAAdapter"

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Proxies in front that append the client's address to X-Forwarded-For: the client is the
# address that many places from the end (0: REMOTE_ADDR). Audit log, contact-form and allauth
# rate limits all read it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if env_bool("BEHIND_TLS_PROXY", False) else 0, minimum=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The report's rich text editor (reports.forms.RichTextWidget) uploads nothing: this address refuses.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "reports:editor_upload"

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "es"
LANGUAGES = [("es", _("Spanish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "secretaria" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "America/Costa_Rica")
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "secretaria" / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 100, minimum=1)
# Text extraction runs each file in a child process bounded in time (seconds) and memory (MB).
DOCUMENT_EXTRACTION_TIMEOUT = env_int("DOCUMENT_EXTRACTION_TIMEOUT", 60, minimum=1)
DOCUMENT_EXTRACTION_MEMORY_MB = env_int("DOCUMENT_EXTRACTION_MEMORY_MB", 768, minimum=128)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Photos and videos (docs/admin/media.md): upload limits, the pixel ceiling above which a photo is
# refused as a decompression bomb, the size of the pieces of a chunked upload (under
# DATA_UPLOAD_MAX_MEMORY_SIZE), and the internal nginx location for X-Accel-Redirect (empty: Django
# sends the bytes itself).
MEDIA_PHOTO_MAX_MB = env_int("MEDIA_PHOTO_MAX_MB", 50, minimum=1)
MEDIA_VIDEO_MAX_MB = env_int("MEDIA_VIDEO_MAX_MB", 4096, minimum=1)
MEDIA_MAX_IMAGE_PIXELS = env_int("MEDIA_MAX_IMAGE_PIXELS", 60_000_000, minimum=1_000_000)
MEDIA_CHUNK_MB = env_int("MEDIA_CHUNK_MB", 8, minimum=1)
# Restricted files (documents, evidence, attachments) go to the "private" storage and are served
# only by the authorising views (secretaria/files). Locally: MEDIA_ROOT/private; behind nginx,
# FILES_X_ACCEL_REDIRECT names its internal location for that directory (deploy/nginx).
# (MEDIA_X_ACCEL_REDIRECT, the media app's own name for it before, is still read.)
FILES_X_ACCEL_REDIRECT = env_str("FILES_X_ACCEL_REDIRECT", "") or env_str("MEDIA_X_ACCEL_REDIRECT", "")
if FILES_X_ACCEL_REDIRECT and not FILES_X_ACCEL_REDIRECT.startswith("/"):
    raise ImproperlyConfigured(
        f"FILES_X_ACCEL_REDIRECT must be a path such as /_private/, got {FILES_X_ACCEL_REDIRECT!r}"
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
    "private": {"BACKEND": "secretaria.files.storage.PrivateStorage"},
    "staticfiles": {
        "BACKEND": env_str("STATICFILES_BACKEND", "secretaria.core.staticfiles.StaticFilesStorage"),
    },
}
# Object storage (S3 or any S3-compatible store) for media and restricted files, through
# django-storages: STORAGE_URL=s3://[KEY:SECRET@]BUCKET[/PREFIX][?endpoint_url=…&region=…&addressing_style=path&public_url=…]
# (keys may also come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). Media go under PREFIX/media,
# restricted files under PREFIX/private; keep the bucket private (no public ACL or policy on private/).
STORAGE_URL = env_str("STORAGE_URL", "")
# Restricted files on object storage: "proxy" streams them through the app (Range passed on);
# "redirect" sends the browser to a signed URL valid STORAGE_SIGNED_URL_SECONDS.
STORAGE_SERVE = env_str("STORAGE_SERVE", "proxy")
if STORAGE_SERVE not in {"proxy", "redirect"}:
    raise ImproperlyConfigured(f"STORAGE_SERVE must be 'proxy' or 'redirect', got {STORAGE_SERVE!r}")
STORAGE_SIGNED_URL_SECONDS = env_int("STORAGE_SIGNED_URL_SECONDS", 60, minimum=1)


if STORAGE_URL:
    STORAGES.update(s3_storages(STORAGE_URL))

# --- E-mail ---------------------------------------------------------------------------
_EMAIL_URL = env_str("EMAIL_URL") or (f"file://{VAR_DIR / 'mail'}" if DEV_MODE else "smtp://localhost:25")
try:
    _email = dj_email_url.parse(_EMAIL_URL)
except Exception as exc:
    raise ImproperlyConfigured(f"EMAIL_URL is not an e-mail URL: {exc}") from None
if "EMAIL_BACKEND" not in _email:
    raise ImproperlyConfigured(
        f"EMAIL_URL scheme must be one of smtp, submission, smtps, file, console, memory, got {_EMAIL_URL.split(':')[0]!r}"
    )
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 30
if _email["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    # dj-email-url drops the leading "/" of file:///abs/path; read the path from the URL itself.
    _parts = urlsplit(_EMAIL_URL)
    _path = Path(unquote((_parts.netloc if _parts.netloc != "localhost" else "") + _parts.path))
    EMAIL_FILE_PATH = str(_path if _path.is_absolute() else BASE_DIR / _path)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Secretaría Virtual CRM <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
SECRETARIAT_EMAIL = env_str("SECRETARIAT_EMAIL", "st@localhost")
# Inquiries (outreach app): the address their thread's e-mails come from and are answered to
# (read by receive_inquiries over IMAP), how long requesters' personal data is kept after an
# inquiry is closed, and how many an address may send per day (docs/admin/configure.md).
OUTREACH_INQUIRY_ADDRESS = env_str("OUTREACH_INQUIRY_ADDRESS", "") or SECRETARIAT_EMAIL
OUTREACH_INQUIRY_RETENTION_DAYS = env_int("OUTREACH_INQUIRY_RETENTION_DAYS", 730, minimum=1)
OUTREACH_INQUIRY_DAILY_LIMIT = env_int("OUTREACH_INQUIRY_DAILY_LIMIT", 3, minimum=1)
OUTREACH_POW_DIFFICULTY = env_int("OUTREACH_POW_DIFFICULTY", 16, minimum=0)
# Letters are signed by whoever holds this directory post on the letter's date (see docs/admin/configure.md).
LETTERS_SIGNATORY_POST = env_str("LETTERS_SIGNATORY_POST", "st-coordinator")
# Forum notifications carry Reply-To: reply+<token>@FORUM_REPLY_DOMAIN (see docs/admin/configure.md).
FORUM_REPLY_DOMAIN = env_str("FORUM_REPLY_DOMAIN", "") or urlsplit(SITE_URL).hostname or "localhost"

# --- Distribution lists (docs/mail-delivery.md) -----------------------------------------
# The domain of List-Id, Message-ID and the VERP return path bounces+<delivery>-<sig>@domain.
BOUNCE_DOMAIN = env_str("BOUNCE_DOMAIN") or urlsplit(SITE_URL).hostname or "localhost"
MAIL_RATE_PER_SECOND = env_int("MAIL_RATE_PER_SECOND", 0, minimum=0)  # per SMTP server and worker; 0: no limit
MAIL_BATCH_SIZE = env_int("MAIL_BATCH_SIZE", 50, minimum=1)
MAIL_LEASE_SECONDS = env_int("MAIL_LEASE_SECONDS", 300, minimum=1)
MAIL_PIPELINED_MARKS = env_bool("MAIL_PIPELINED_MARKS", True)  # PostgreSQL: a mark travels during the next send
MAIL_RETRY_BASE_SECONDS = env_int("MAIL_RETRY_BASE_SECONDS", 60, minimum=1)
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 8, minimum=1)
BOUNCE_SCORE_THRESHOLD = env_int("BOUNCE_SCORE_THRESHOLD", 5, minimum=1)

# --- Logging and error reports -----------------------------------------------------------
# Server errors (the "django.request" logger) go to the console and, by e-mail through the
# background e-mail task, to ADMINS (default: SECRETARIAT_EMAIL; empty turns the e-mail off).
# Every line carries the request's reference, the one shown on the 500 page.
# LOG_FORMAT=json writes one JSON object a line (time, level, logger, request_id, message).
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'plain' or 'json', got {LOG_FORMAT!r}")
ADMINS = admins_from(env_str("ADMINS", SECRETARIAT_EMAIL))
EMAIL_SUBJECT_PREFIX = env_str("EMAIL_SUBJECT_PREFIX", "[Secretaría Virtual] ")
DEFAULT_EXCEPTION_REPORTER_FILTER = "secretaria.core.errorlog.ExceptionReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "secretaria.core.errorlog.ExceptionReporter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "secretaria.core.errorlog.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [ref %(request_id)s] %(message)s"},
        "json": {"()": "secretaria.core.errorlog.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT},
        "mail_admins": {
            "class": "secretaria.core.errorlog.QueuedAdminEmailHandler",
            "level": "ERROR",
            "filters": ["request_id"],
        },
    },
    "loggers": {
        # Only request errors are mailed: a failing e-mail worker logging its own failure
        # must not queue more e-mail.
        "django.request": {"handlers": ["console", "mail_admins"], "level": "WARNING", "propagate": False},
        # Replaces Django's default "django" logger, whose AdminEmailHandler would send other
        # errors (a scanner's bad Host headers…) synchronously.
        "django": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO"), "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# Error tracking with Sentry, only when SENTRY_DSN is set (docs/admin/configure.md).
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,  # no user names, e-mails, cookies or IP addresses
        traces_sample_rate=0.0,
    )

# --- API ------------------------------------------------------------------------------
NINJA_PAGINATION_PER_PAGE = 50

# Django 6 makes https the default scheme of URL form fields; adopt it now.
FORMS_URLFIELD_ASSUME_HTTPS = True

# --- Activity reports ---------------------------------------------------------------------
# A Word file whose styles (Title, Heading 1, Heading 2, List Bullet, Table Grid) the report's
# DOCX uses instead of python-docx's default template; empty: the default.
REPORTS_DOCX_TEMPLATE = env_str("REPORTS_DOCX_TEMPLATE", "")
