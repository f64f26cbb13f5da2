"""Village project requests (e.g. 爱心食堂): a village asks, the town reviews and names helping offices."""
from __future__ import annotations

from sqlalchemy import select, update

from services.tasks import domain
from services.tasks.models import project_requests
from services.tasks.service import protos
from services.tasks.service.core import Core, principal_town
from shared import db as dbmod
from shared.auth import DEPUTY_SECRETARY, TOWN_LEADER, VILLAGE_SECRETARY, Principal
from shared.errors import InvalidArgument, InvalidTransition, NotFound
from shared.paging import next_page_token, page_window
from zhili.tasks.v1 import events_pb2 as events
from zhili.tasks.v1 import tasks_pb2 as pb

DECISIONS = {"approve": "approved", "decline": "declined"}


def _not_found() -> NotFound:
    return NotFound("项目申请不存在或不在您的管辖范围内", "Project request not found in your scope",
                    code="PROJECT_REQUEST_NOT_FOUND", field="id")


class Projects(Core):
    async def create_project_request(self, tx, principal: Principal,
                                     request: pb.CreateProjectRequestRequest) -> pb.ProjectRequest:
        principal.require_writer()
        principal.require_role(VILLAGE_SECRETARY)
        title = domain.require_text(request.title, "title", "项目名称")[:200]
        if request.funds_fen < 0:
            raise InvalidArgument("资金不能为负数", "funds_fen must not be negative", field="funds_fen")
        village = domain.village_of(principal.org_id)
        request_id, now = dbmod.new_id(), dbmod.utcnow()
        await tx.session.execute(project_requests.insert().values(
            id=request_id, village_id=village, town_id=domain.town_of(village), title=title,
            description=request.description, resources_needed=request.resources_needed,
            funds_fen=request.funds_fen, state="submitted", helping_org_ids=[],
            review_comment="", requested_by=principal.subject, reviewed_by="", created_at=now))
        await tx.audit(entity="project_request", entity_id=request_id, action="submitted",
                       to_state="submitted")
        return protos.project_request(await self._project(tx.session, principal, request_id))

    async def review_project_request(self, tx, principal: Principal,
                                     request: pb.ReviewProjectRequestRequest) -> pb.ProjectRequest:
        principal.require_writer()
        principal.require_role(TOWN_LEADER, DEPUTY_SECRETARY)
        row = await self._project(tx.session, principal, request.id)
        if request.decision not in DECISIONS:
            raise InvalidArgument("决定应为approve或decline", "decision must be approve or decline",
                                  field="decision")
        if row.state != "submitted":
            raise InvalidTransition("该项目申请已审核", "This project request was already reviewed")
        helpers = list(dict.fromkeys(request.helping_org_ids))
        if request.decision == "approve" and not helpers:
            raise InvalidArgument("同意时须指定协助的职能办公室或站所", "name the offices that will help",
                                  field="helping_org_ids")
        for office in helpers:
            if domain.town_of(office) != row.town_id or len(office) <= domain.TOWN_ID_LENGTH \
                    or domain.is_village_id(office):
                raise InvalidArgument(f"{office}不是本镇的职能办公室或站所",
                                      f"{office} is not an office of the town", field="helping_org_ids")
        comment = request.comment.strip()
        if request.decision == "decline":
            comment = domain.require_text(request.comment, "comment", "不予支持的理由")
        state, now = DECISIONS[request.decision], dbmod.utcnow()
        await tx.session.execute(update(project_requests).where(
            project_requests.c.id == row.id, project_requests.c.state == "submitted").values(
            state=state, helping_org_ids=helpers, review_comment=comment,
            reviewed_by=principal.subject, reviewed_at=now))
        await tx.audit(entity="project_request", entity_id=row.id, action=state,
                       from_state=row.state, to_state=state, reason=comment)
        tx.emit("tasks.project_request.reviewed", events.ProjectRequestReviewed(
            project_request_id=row.id, village_id=row.village_id, town_id=row.town_id,
            decision=state, helping_org_ids=helpers, reviewed_at=protos.ts(now)))
        return protos.project_request(await self._project(tx.session, principal, row.id))

    async def get_project_request(self, principal: Principal, *, request_id: str):
        async with self.database.sessions() as session:
            return protos.project_request(await self._project(session, principal, request_id))

    async def list_project_requests(self, principal: Principal, *, town_id: str, state: str,
                                    page_size: int, page_token: str):
        offset, limit = page_window(page_size, page_token)
        root = town_id or principal_town(principal) or principal.scope_org_id
        if principal.has_role(VILLAGE_SECRETARY) and not town_id:
            root = domain.village_of(principal.org_id)
        principal.require_visible(root)
        query = (select(project_requests)
                 .where(project_requests.c.village_id.startswith(root, autoescape=True))
                 .order_by(project_requests.c.created_at.desc(), project_requests.c.id))
        if state:
            query = query.where(project_requests.c.state == state)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
        return ([protos.project_request(r) for r in rows[:limit]],
                next_page_token(offset, limit, len(rows)))

    async def _project(self, session, principal: Principal, request_id: str):
        row = (await session.execute(select(project_requests).where(
            project_requests.c.id == request_id))).first()
        if row is None or not principal.can_see(row.village_id):
            raise _not_found()
        return row
