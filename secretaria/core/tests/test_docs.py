"""The administrator's documentation keeps up with the settings."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _variables_read_by_the_settings() -> set[str]:
    source = (ROOT / "secretaria" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', source))
    assert "SECRET_KEY" in names and "DATABASE_URL" in names  # the pattern still finds them
    return names


def _variables_of_the_procfile() -> set[str]:
    return set(re.findall(r"\$\{([A-Z0-9_]+)", (ROOT / "Procfile").read_text(encoding="utf-8")))


def test_every_setting_read_from_the_environment_is_in_env_example():
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#? ?([A-Z0-9_]+)=", example, flags=re.MULTILINE))
    missing = (_variables_read_by_the_settings() | _variables_of_the_procfile()) - documented
    assert missing == set(), f"document these in .env.example: {sorted(missing)}"


def test_every_setting_read_from_the_environment_is_explained_in_the_admin_guide():
    guide = (ROOT / "docs" / "admin" / "configure.md").read_text(encoding="utf-8")
    explained = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", guide, flags=re.MULTILINE))
    missing = (_variables_read_by_the_settings() | _variables_of_the_procfile()) - explained
    assert missing == set(), f"explain these in docs/admin/configure.md: {sorted(missing)}"


def test_the_documentation_links_point_to_files_that_exist():
    broken = []
    for doc in (ROOT / "docs").rglob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            if not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(ROOT)} → {target}")
    assert broken == []
