"""Running text extraction for one stored file in a bounded child process.

The child (``extract.py``) gets a wall-clock timeout, a CPU-time limit and an address-space
limit, so a corrupt, encrypted or hostile file (a zip bomb inside a DOCX, a PDF whose page
tree loops) fails alone with a recorded reason and never takes the worker down.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
from dataclasses import dataclass

from django.conf import settings

from secretaria.documents.extract import EXIT_NOT_EXTRACTABLE, MAX_CHARS
from secretaria.documents.models import ExtractionState
from secretaria.files.filetypes import TYPES


@dataclass
class ExtractionResult:
    state: str  # an ExtractionState value
    text: str = ""
    reason: str = ""


def _limits():
    memory = settings.DOCUMENT_EXTRACTION_MEMORY_MB * 1024 * 1024
    cpu = settings.DOCUMENT_EXTRACTION_TIMEOUT

    def apply():  # runs in the child between fork and exec
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    return apply


def command(path: str, file_type: str) -> list[str]:
    return [sys.executable, "-m", "secretaria.documents.extract", path, file_type]


def run_extraction(path: str, file_type: str) -> ExtractionResult:
    filetype = TYPES.get(file_type)
    if filetype is None or not filetype.extractable:
        return ExtractionResult(ExtractionState.NOT_EXTRACTABLE, reason="this file type carries no text to extract")
    timeout = settings.DOCUMENT_EXTRACTION_TIMEOUT
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONIOENCODING": "utf-8", "LANG": "C.UTF-8"}
    env["PYTHONPATH"] = str(settings.BASE_DIR)
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module, no shell
        command(path, file_type),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=_limits(),  # the limits must be set in the child before exec
        start_new_session=True,  # its own process group, so a timeout kills everything it started
        env=env,
        cwd=str(settings.BASE_DIR),
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 9)
        proc.communicate()
        return ExtractionResult(
            ExtractionState.FAILED, reason=f"reading the file took longer than {timeout} seconds (stopped)"
        )
    code = proc.returncode
    reason = stderr.decode("utf-8", "replace").strip().splitlines()
    reason = reason[-1][:480] if reason else ""
    if code == 0:
        return ExtractionResult(ExtractionState.DONE, text=stdout.decode("utf-8", "replace")[:MAX_CHARS])
    if code == EXIT_NOT_EXTRACTABLE:
        return ExtractionResult(ExtractionState.NOT_EXTRACTABLE, reason=reason)
    if code < 0:
        signal_reasons = {
            -9: "it was stopped for using too much CPU time or memory",
            -24: f"reading the file used more than {timeout} seconds of CPU time (stopped)",
            -11: "the reader crashed on this file",
        }
        return ExtractionResult(ExtractionState.FAILED, reason=signal_reasons.get(code, f"stopped by signal {-code}"))
    if "MemoryError" in reason or "memory" in reason.lower():
        return ExtractionResult(ExtractionState.FAILED, reason="the file needs more memory than allowed to read")
    return ExtractionResult(ExtractionState.FAILED, reason=reason or f"the reader failed (exit {code})")
