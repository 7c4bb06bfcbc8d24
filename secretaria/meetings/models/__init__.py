from secretaria.meetings.models.meeting import Meeting
from secretaria.meetings.models.participation import *  # noqa: F403

__all__ = ["Meeting"]

# Contracted services (issue 4, section 4).
from secretaria.meetings.models.services import (  # noqa: E402
    ContractedService,
    ContractedServiceFile,
    ContractedServiceStatusChange,
    Currency,
)

__all__ += ["ContractedService", "ContractedServiceFile", "ContractedServiceStatusChange", "Currency"]
