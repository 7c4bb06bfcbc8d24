"""Signals of the comms app, below its services and its tasks so that neither imports the other."""

from django.dispatch import Signal

# Sent after the commit that queued deliveries; ``tasks.py`` answers by enqueueing the mail-queue task.
deliveries_queued = Signal()
