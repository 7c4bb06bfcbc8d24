"""Writes of the decisions app, one module per topic; callers use ``services.<name>``."""

from secretaria.decisions.services.commitments import (
    MAX_EVIDENCE_FILES,
    check_evidence_files,
    commitment_create,
    party_add,
    party_update,
)
from secretaria.decisions.services.decisions import (
    SEARCH_KIND,
    decision_create,
    decision_supersede,
    decision_update,
    decisions_import,
)
from secretaria.decisions.services.letters import (
    PrepareResult,
    SendAllResult,
    letter_prepare,
    letter_send,
    letters_prepare,
    letters_prepare_all,
    letters_send_all,
    letters_to_send,
)

__all__ = [
    "MAX_EVIDENCE_FILES",
    "PrepareResult",
    "SEARCH_KIND",
    "SendAllResult",
    "check_evidence_files",
    "commitment_create",
    "decision_create",
    "decision_supersede",
    "decision_update",
    "decisions_import",
    "letter_prepare",
    "letter_send",
    "letters_prepare",
    "letters_prepare_all",
    "letters_send_all",
    "letters_to_send",
    "party_add",
    "party_update",
]
