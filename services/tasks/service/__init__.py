"""Tasks use cases, one transaction each, events written to the outbox: composed from their parts."""
from services.tasks.service.assignments import Assignments
from services.tasks.service.biddings import Biddings
from services.tasks.service.drafts import Drafts
from services.tasks.service.projects import Projects
from services.tasks.service.sweep import Sweep


class TasksService(Drafts, Assignments, Sweep, Biddings, Projects):
    """Drafts and review, assignments, the deadline sweep, 揭榜挂帅 and project requests."""


__all__ = ["TasksService"]
