from secretaria.meetings.models.meeting import Meeting

__all__ = ["Meeting"]
