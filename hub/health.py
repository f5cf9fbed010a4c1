"""``/healthz``: is the hub alive, and are its worker threads well?

It answers from memory only (no database, no thread pool), on the event loop, so it stays
fast whatever the workers and handlers are doing. A worker's parked items (a mail given up
on because of a bug) are counted in ``workers`` for monitoring; the worker itself goes on, so
they do not make the hub "degraded". The answer is always 200 while the process
serves: ``status`` is ``ok`` or ``degraded`` with the reasons. We chose 200 for "degraded"
because a load balancer that takes a hub out of rotation for a stuck mail server would also
stop terminals from delivering and clerks from working — a worse outage than the one it reports.
Monitoring alerts on ``status != "ok"``. The exception is storage: with its database file
deleted or replaced the hub can neither take nor show anything, so it answers 503
(``status: "unavailable"``) until it is restored and restarted.

``terminals_with_dead_letters`` counts the terminals whose latest health report names dead
letters (see hub/fleet.py); it does not change the status — the hub is fine, a terminal needs
a technician.
"""

from __future__ import annotations

import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from common.supervised import WorkerState, uncaught_faults
from hub.state import HubState

router = APIRouter()


def report(state: HubState) -> dict[str, Any]:
    reasons: list[str] = []
    workers = []
    for worker in state.workers():
        workers.append(
            {
                "name": worker.name,
                "state": worker.state.value,
                "failures": worker.failures,
                "parked": worker.parked,
                "last_fault": worker.last_fault,
            }
        )
        if worker.state is WorkerState.RECOVERING:
            reasons.append(f"{worker.name} recovering ({worker.last_fault})")
        elif worker.state is WorkerState.STOPPED:
            reasons.append(f"{worker.name} stopped")
    if state.mailer is not None and not state.mailer.server_ok:
        reasons.append("mail server not reachable")
    dead, last = uncaught_faults()
    if dead:
        reasons.append(f"{dead} thread(s) ended by a bug (last: {last})")
    storage_ok = state.store.files_intact()
    if not storage_ok:
        reasons.append("database file deleted or replaced")
    return {
        "status": "unavailable" if not storage_ok else "degraded" if reasons else "ok",
        "reasons": reasons,
        "workers": workers,
        "time": time.time(),
    }


@router.get("/healthz", summary="Liveness and the state of the hub's worker threads")
async def healthz(request: Request) -> JSONResponse:
    state: HubState = request.app.state.hub
    body = report(state)
    fleet = getattr(request.app.state, "fleet", None)
    # From memory like the rest (hub.fleet keeps it current as reports arrive).
    body["terminals_with_dead_letters"] = (
        fleet.terminals_with_dead_letters() if fleet is not None else 0
    )
    return JSONResponse(body, status_code=503 if body["status"] == "unavailable" else 200)
