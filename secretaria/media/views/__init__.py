"""The media app's pages: public.py (galleries, items, the one file door), manage.py (the
Secretariat's editing pages), uploads.py (bulk and chunked uploads from the browser)."""
