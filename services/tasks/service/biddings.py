"""揭榜挂帅: the town posts a listing, villages bid, the town awards it publicly and a task follows."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from services.tasks import domain
from services.tasks.models import assignments, bids, listings, tasks
from services.tasks.service import protos
from services.tasks.service.core import Core, principal_town
from shared import db as dbmod
from shared.auth import DEPUTY_SECRETARY, TOWN_LEADER, VILLAGE_SECRETARY, Principal
from shared.errors import Conflict, InvalidArgument, InvalidTransition, NotFound
from shared.paging import next_page_token, page_window
from zhili.tasks.v1 import events_pb2 as events
from zhili.tasks.v1 import tasks_pb2 as pb

OPEN, AWARDED = "open", "awarded"


def _not_found() -> NotFound:
    return NotFound("榜单不存在或不在您的管辖范围内", "Listing not found in your scope",
                    code="LISTING_NOT_FOUND", field="id")


def can_see_listing(principal: Principal, town_id: str) -> bool:
    """Listings are public within their town: the town's villages see them to bid."""
    return principal.can_see(town_id) or principal.scope_org_id.startswith(town_id)


class Biddings(Core):
    async def create_listing(self, tx, principal: Principal, request: pb.CreateListingRequest):
        principal.require_writer()
        principal.require_role(TOWN_LEADER, DEPUTY_SECRETARY)
        town = principal_town(principal)
        title = domain.require_text(request.title, "title", "榜单名称")[:200]
        project = domain.require_text(request.project, "project", "项目内容")
        if request.funds_fen < 0:
            raise InvalidArgument("资金不能为负数", "funds_fen must not be negative", field="funds_fen")
        if not 0 <= request.points <= domain.MAX_POINTS:
            raise InvalidArgument("分值超出范围", "points out of range", field="points")
        now = dbmod.utcnow()
        closes_at = protos.from_ts(request.closes_at, request.HasField("closes_at"))
        if closes_at is None or closes_at <= now:
            raise InvalidArgument("截止竞榜时间须晚于现在", "closes_at must be in the future",
                                  field="closes_at")
        listing_id = dbmod.new_id()
        await tx.session.execute(listings.insert().values(
            id=listing_id, town_id=town, title=title, project=project, resources=request.resources,
            funds_fen=request.funds_fen, criteria=request.criteria, closes_at=closes_at,
            points=request.points, matter_code=request.matter_code, state=OPEN, award_reason="",
            created_by=principal.subject, created_at=now))
        await tx.audit(entity="listing", entity_id=listing_id, action="posted", to_state=OPEN)
        return await self._read_listing(tx.session, principal, listing_id)

    async def place_bid(self, tx, principal: Principal, request: pb.PlaceBidRequest):
        principal.require_writer()
        principal.require_role(VILLAGE_SECRETARY)
        row = await self._listing(tx.session, principal, request.listing_id)
        statement = domain.require_text(request.statement, "statement", "竞榜说明")
        now = dbmod.utcnow()
        if row.state != OPEN or dbmod.as_utc(row.closes_at) <= now:
            raise InvalidTransition("该榜单已截止或已揭榜", "The listing is closed or already awarded")
        village = domain.village_of(principal.org_id)
        bid_id = dbmod.new_id()
        try:
            async with tx.session.begin_nested():
                await tx.session.execute(bids.insert().values(
                    id=bid_id, listing_id=row.id, village_id=village, statement=statement,
                    bidder_id=principal.subject, placed_at=now))
        except IntegrityError:
            raise Conflict("本村（社区）已参与该榜单竞榜", "Your village already bid on this listing",
                           code="ALREADY_BID") from None
        await tx.audit(entity="listing", entity_id=row.id, action="bid", reason=f"{village}: {statement}")
        return await self._read_listing(tx.session, principal, row.id)

    async def award_listing(self, tx, principal: Principal, request: pb.AwardListingRequest):
        principal.require_writer()
        principal.require_role(TOWN_LEADER, DEPUTY_SECRETARY)
        row = await self._listing(tx.session, principal, request.listing_id)
        if principal_town(principal) != row.town_id:
            raise InvalidTransition("只能揭晓本镇的榜单", "Only the town's own listings", code="NOT_THIS_TOWN")
        if row.state != OPEN:
            raise InvalidTransition("该榜单已揭榜", "The listing was already awarded")
        reason = domain.require_text(request.reason, "reason", "揭榜理由")
        winner = (await tx.session.execute(select(bids).where(
            bids.c.id == request.bid_id, bids.c.listing_id == row.id))).first()
        if winner is None:
            raise InvalidArgument("该竞榜不存在", "No such bid on this listing", field="bid_id")
        now = dbmod.utcnow()
        stones = [{"title": domain.require_text(m.title, "milestones.title", "节点名称"),
                   "due_at": dbmod.as_utc(m.due_at.ToDatetime()).isoformat()
                   if m.HasField("due_at") else ""} for m in request.milestones]
        deadline = protos.from_ts(request.deadline, request.HasField("deadline"))
        if deadline is None and stones and all(s["due_at"] for s in stones):
            deadline = max(dt.datetime.fromisoformat(s["due_at"]) for s in stones)
        if deadline is None:
            raise InvalidArgument("请填写完成期限或各节点时间", "give a deadline or dated milestones",
                                  field="deadline")
        task_id = dbmod.new_id()
        await tx.session.execute(tasks.insert().values(
            id=task_id, town_id=row.town_id, issuer_org_id=row.town_id,
            created_by=principal.subject, title=row.title, description=row.project,
            category="town", matter_code=row.matter_code, target_village_ids=[winner.village_id],
            deadline=deadline, time_limit_amount=0, time_limit_unit="", points=row.points,
            co_handler_org_ids=[], urgency="normal", state=domain.DISPATCHED,
            review_comment=reason, listing_id=row.id, milestones=stones, created_at=now,
            updated_at=now, dispatched_at=now))
        await tx.audit(entity="task", entity_id=task_id, action="created_from_listing",
                       to_state=domain.DISPATCHED, reason=row.id)
        task_row = (await tx.session.execute(select(tasks).where(tasks.c.id == task_id))).first()
        await self._dispatch(tx, task_row, principal, now)
        await tx.session.execute(update(listings).where(listings.c.id == row.id).values(
            state=AWARDED, winning_bid_id=winner.id, winner_village_id=winner.village_id,
            award_reason=reason, task_id=task_id, awarded_at=now))
        await tx.audit(entity="listing", entity_id=row.id, action="awarded", from_state=OPEN,
                       to_state=AWARDED, reason=f"{winner.village_id}: {reason}")
        assignment_id = await tx.session.scalar(select(assignments.c.id).where(
            assignments.c.task_id == task_id))
        count = await tx.session.scalar(select(func.count()).select_from(bids).where(
            bids.c.listing_id == row.id))
        tx.emit("tasks.listing.awarded", events.ListingAwarded(
            listing_id=row.id, town_id=row.town_id, winner_village_id=winner.village_id,
            bid_id=winner.id, reason=reason, task_id=task_id, assignment_id=assignment_id,
            points=row.points, funds_fen=row.funds_fen, bid_count=count,
            awarded_at=protos.ts(now)))
        return await self._read_listing(tx.session, principal, row.id)

    async def get_listing(self, principal: Principal, *, listing_id: str) -> pb.Listing:
        async with self.database.sessions() as session:
            return await self._read_listing(session, principal, listing_id)

    async def list_listings(self, principal: Principal, *, town_id: str, state: str,
                            page_size: int, page_token: str):
        offset, limit = page_window(page_size, page_token)
        town = town_id or principal_town(principal)
        if not town:  # county-wide roles: every town in their scope
            query = select(listings).where(listings.c.town_id.startswith(principal.scope_org_id,
                                                                         autoescape=True))
        elif not can_see_listing(principal, town):
            principal.require_visible(town)
        else:
            query = select(listings).where(listings.c.town_id == town)
        if state:
            query = query.where(listings.c.state == state)
        query = query.order_by(listings.c.created_at.desc(), listings.c.id)
        async with self.database.sessions() as session:
            rows = (await session.execute(query.offset(offset).limit(limit + 1))).all()
            found = [await self._read_listing(session, principal, r.id) for r in rows[:limit]]
        return found, next_page_token(offset, limit, len(rows))

    async def _listing(self, session, principal: Principal, listing_id: str):
        row = (await session.execute(select(listings).where(listings.c.id == listing_id))).first()
        if row is None or not can_see_listing(principal, row.town_id):
            raise _not_found()
        return row

    async def _read_listing(self, session, principal: Principal, listing_id: str) -> pb.Listing:
        row = await self._listing(session, principal, listing_id)
        bid_rows = (await session.execute(select(bids).where(bids.c.listing_id == row.id)
                                          .order_by(bids.c.placed_at, bids.c.id))).all()
        return protos.listing(row, bid_rows)


