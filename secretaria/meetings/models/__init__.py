from secretaria.meetings.models.meeting import Meeting
from secretaria.meetings.models.participation import *  # noqa: F403

__all__ = ["Meeting"]
