"""Every role × {own station, other station} × {list, edit, delete, export} for events,
attendance, stock movements and agreements, plus calendar, report and feed, plus pages.

Outcomes: "allowed" (the user gets the record or the action happens), "hidden" (a 404, or
the record is simply not there), "denied" (Wagtail's no-permission answer: a redirect to
the dashboard, a 403, or the login page for the public)."""

import datetime

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

import pytest
import time_machine

from campaigns.models import Attendance, CalendarToken, Event, StockMovement
from campaigns.roles import ensure_campaign_permissions
from jindu.editorial.roles import ensure_editorial_groups
from schools.models import CounsellorAgreement, StationMembership
from schools.roles import ensure_outreach_groups
from tests.conftest import make_home
from tests.factories import (
    SHANGHAI,
    AgreementFactory,
    ArticlePageFactory,
    CounsellorFactory,
    EventFactory,
    MaterialFactory,
    SchoolFactory,
    SectionPageFactory,
    StationFactory,
    UserFactory,
    receive,
)

ROLES = ["editor", "reviewer", "staff", "manager", "administrator", "public"]


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, inside a transaction rolled back at its end; each test
    runs in a savepoint of it (pytest-django's own per-test transaction), so what one test
    changes is gone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world(make_home())
        transaction.set_rollback(True)


def build_world(home):
    ensure_outreach_groups()
    ensure_campaign_permissions()
    groups = ensure_editorial_groups([home])
    stations = {"own": StationFactory(name="本站"), "other": StationFactory(name="别站")}
    records = {}
    for side, station in stations.items():
        counsellor = CounsellorFactory(station=station)
        event = EventFactory(
            station=station,
            title=f"{side}-event-标记",
            counsellors=[counsellor],
            start=datetime.datetime(2026, 6, 20, 9, tzinfo=SHANGHAI),
            end=datetime.datetime(2026, 6, 20, 11, tzinfo=SHANGHAI),
        )
        attendance = Attendance.objects.create(event=event, group="residents", count=11)
        movement = receive(MaterialFactory(), station, 50)
        StockMovement.objects.filter(pk=movement.pk).update(note=f"{side}-ledger-标记")
        movement.refresh_from_db()
        agreement = AgreementFactory(
            counsellor=counsellor, school=SchoolFactory(name=f"{side}-school-标记")
        )
        records[side] = {
            "event": event,
            "attendance": attendance,
            "stockmovement": movement,
            "counselloragreement": agreement,
        }
    users = {}
    for role, group in [
        ("editor", "Editors"),
        ("reviewer", "Reviewers"),
        ("staff", "Outreach staff"),
        ("manager", "Station managers"),
        ("administrator", "Administrators"),
    ]:
        user = UserFactory()
        user.groups.add(Group.objects.get(name=group))
        if role in ("staff", "manager"):
            StationMembership.objects.create(user=user, station=stations["own"])
        users[role] = user
    users["public"] = None
    section = SectionPageFactory(parent=home, slug="news")
    article = ArticlePageFactory(parent=section, slug="article", title="文章")
    return {
        "records": records,
        "users": users,
        "stations": stations,
        "article": article,
        "groups": groups,
    }


def login(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)


def denied(response):
    """A 403, or a redirect away from what was asked for (the dashboard with a message,
    the login page, or a ledger's list)."""
    return response.status_code in (302, 403)


def outcome_of(response, present=None):
    if denied(response):
        return "denied"
    if response.status_code == 404:
        return "hidden"
    assert response.status_code == 200, response.status_code
    if present is None:
        return "allowed"
    return "allowed" if present(response) else "hidden"


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


MARKERS = {
    "event": lambda r: r.event.title if hasattr(r, "event") else r.title,
    "attendance": lambda r: r.event.title,
    "stockmovement": lambda r: r.note,
    "counselloragreement": lambda r: r.school.name,
}


def do(client, world, role, model, side, action):
    login(client, world, role)
    record = world["records"][side][model]
    app = "schools" if model == "counselloragreement" else "campaigns"
    name = f"wagtailsnippets_{app}_{model}"
    marker = MARKERS[model](record)
    if action == "list":
        return outcome_of(client.get(reverse(f"{name}:list")), lambda r: marker in body(r))
    if action == "edit":
        return outcome_of(client.get(reverse(f"{name}:edit", args=[record.pk])))
    if action == "view":
        # The read-only view where there is one (events, ledger lines), else the form.
        view = "inspect" if model in ("event", "stockmovement") else "edit"
        return outcome_of(client.get(reverse(f"{name}:{view}", args=[record.pk])))
    if action == "export":
        return outcome_of(
            client.get(reverse(f"{name}:list"), {"export": "csv"}), lambda r: marker in body(r)
        )
    if action == "delete":
        response = client.post(reverse(f"{name}:delete", args=[record.pk]))
        if response.status_code == 404:
            return "hidden"
        gone = not type(record).objects.filter(pk=record.pk).exists()
        return "allowed" if gone else "denied"
    raise AssertionError(action)


A, H, D = "allowed", "hidden", "denied"
# role: {action: (own station, other station)} for events, attendance and agreements.
# Editors and reviewers belong to no station: a record's own URL is a 404 for them before
# any permission is weighed, and the listings refuse them outright.
RECORDS = {
    "editor": {"list": (D, D), "view": (H, H), "edit": (H, H), "delete": (H, H), "export": (D, D)},
    "reviewer": {
        "list": (D, D),
        "view": (H, H),
        "edit": (H, H),
        "delete": (H, H),
        "export": (D, D),
    },
    "staff": {"list": (A, H), "view": (A, H), "edit": (A, H), "delete": (D, H), "export": (D, D)},
    "manager": {"list": (A, H), "view": (A, H), "edit": (A, H), "delete": (A, H), "export": (A, H)},
    "administrator": {
        "list": (A, A),
        "view": (A, A),
        "edit": (A, A),
        "delete": (A, A),
        "export": (A, A),
    },
    "public": {"list": (D, D), "view": (D, D), "edit": (D, D), "delete": (D, D), "export": (D, D)},
}
# Staff may correct attendance they recorded, so they may delete it.
ATTENDANCE_OVERRIDES = {("staff", "delete"): (A, H)}
# Staff export their own station's events, attendance and stock (not agreements).
STAFF_EXPORTS = {"event", "attendance", "stockmovement"}
# Ledger lines are final for everyone: "edit" and "delete" lead back to the list unchanged.
LEDGER_OVERRIDES = {
    (role, action): {
        "editor": (H, H),
        "reviewer": (H, H),
        "public": (D, D),
        "staff": (D, H),
        "manager": (D, H),
    }.get(role, (D, D))
    for role in ROLES
    for action in ("edit", "delete")
}


def expected(role, model, action):
    own, other = RECORDS[role][action]
    if (role, action) == ("staff", "export") and model in STAFF_EXPORTS:
        own, other = A, H
    if model == "attendance":
        own, other = ATTENDANCE_OVERRIDES.get((role, action), (own, other))
    if model == "stockmovement":
        own, other = LEDGER_OVERRIDES.get((role, action), (own, other))
    return own, other


CASES = [
    (role, model, action)
    for role in ROLES
    for model in ("event", "attendance", "stockmovement", "counselloragreement")
    for action in ("list", "view", "edit", "delete", "export")
]


@pytest.mark.parametrize(("role", "model", "action"), CASES)
def test_record_matrix(client, world, role, model, action):
    own, other = expected(role, model, action)
    # The other station first: a delete there must not remove our own record's context.
    assert do(client, world, role, model, "other", action) == other
    assert do(client, world, role, model, "own", action) == own


@pytest.mark.parametrize(
    ("role", "own", "other"),
    [
        ("editor", D, D),
        ("reviewer", D, D),
        ("staff", A, H),
        ("manager", A, H),
        ("administrator", A, A),
        ("public", D, D),
    ],
)
def test_calendar_matrix(client, world, role, own, other):
    login(client, world, role)
    response = client.get(reverse("campaigns_calendar"), {"date": "2026-06-20"})
    assert outcome_of(response, lambda r: "own-event-标记" in body(r)) == own
    response = client.get(reverse("campaigns_calendar"), {"date": "2026-06-20"})
    assert outcome_of(response, lambda r: "other-event-标记" in body(r)) == other


@pytest.mark.parametrize(
    ("role", "own", "other", "exports_figures", "exports_coverage"),
    [
        ("editor", D, D, False, False),
        # Staff export their own station's figures (the report is scoped), not coverage.
        ("staff", A, H, True, False),
        ("manager", A, H, True, True),
        ("administrator", A, A, True, True),
        ("public", D, D, False, False),
    ],
)
def test_report_and_dashboard_matrix(
    client, world, role, own, other, exports_figures, exports_coverage
):
    login(client, world, role)
    url = reverse("campaigns_report", args=["station"])
    response = client.get(url)
    assert outcome_of(response, lambda r: "本站" in body(r)) == own
    response = client.get(url)
    assert outcome_of(response, lambda r: "别站" in body(r)) == other
    export = client.get(url, {"export": "csv"})
    assert (export.status_code == 200) == exports_figures
    if exports_figures:
        sheet = b"".join(export.streaming_content).decode("utf-8-sig")
        assert "本站" in sheet
        assert ("别站" in sheet) == (other == A)
    coverage = client.get(reverse("schools_coverage"), {"export": "csv"})
    assert (coverage.status_code == 200) == exports_coverage


@time_machine.travel(datetime.datetime(2026, 6, 25, 12, tzinfo=SHANGHAI), tick=False)
def test_feed_matrix(client, world):
    """The public feed has public events only; a station's feed needs its token, whoever
    asks, and shows that station's events only."""
    Event.objects.filter(pk=world["records"]["own"]["event"].pk).update(
        status="planned", is_public=False
    )
    assert "own-event-标记" not in body(client.get("/events.ics"))
    token = CalendarToken.for_owner(station=world["stations"]["own"])
    text = body(client.get(f"/calendars/{token.token}.ics"))
    assert "own-event-标记" in text and "other-event-标记" not in text
    assert client.get("/calendars/not-a-token.ics").status_code == 404


@pytest.mark.parametrize(
    ("role", "edit", "publish"),
    [
        ("editor", A, False),
        ("reviewer", A, True),
        ("staff", D, False),
        ("manager", D, False),
        ("administrator", D, False),
        ("public", D, False),
    ],
)
def test_page_matrix(client, world, role, edit, publish):
    login(client, world, role)
    article = world["article"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert outcome_of(response) == edit
    user = world["users"][role]
    can_publish = bool(user) and article.permissions_for_user(user).can_publish()
    assert can_publish == publish
    assert client.get(article.url).status_code == 200  # the public page itself is public


def test_outreach_roles_cannot_reach_pages_and_editors_cannot_reach_outreach(world):
    staff, editor = world["users"]["staff"], world["users"]["editor"]
    assert not staff.has_perm("wagtailcore.change_page")
    assert not world["article"].permissions_for_user(staff).can_edit()
    assert not editor.has_perm("campaigns.view_event")
    assert not editor.has_perm("schools.view_counselloragreement")
    assert CounsellorAgreement.objects.count() == 2 and StockMovement.objects.count() == 2


HISTORY = {
    "editor": (H, H),
    "reviewer": (H, H),
    "staff": (A, H),
    "manager": (A, H),
    "administrator": (A, A),
    "public": (D, D),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", ["event", "attendance", "counselloragreement"])
def test_history_and_site_history_matrix(client, world, role, model):
    """A record's own history is scoped like the record; the site history leaves out what
    happened to another station's records."""
    from wagtail.log_actions import log

    records = world["records"]
    for side in ("own", "other"):
        log(records[side][model], "wagtail.edit", user=world["users"]["administrator"])
    login(client, world, role)
    app = "schools" if model == "counselloragreement" else "campaigns"
    outcomes = []
    for side in ("own", "other"):
        url = reverse(f"wagtailsnippets_{app}_{model}:history", args=[records[side][model].pk])
        outcomes.append(outcome_of(client.get(url)))
    assert tuple(outcomes) == HISTORY[role]
    site_history = client.get("/admin/reports/site-history/")
    if role in ("staff", "manager"):
        text = body(site_history)
        assert str(records["own"][model]) in text
        assert str(records["other"][model]) not in text


LETTERS = {
    "editor": (D, D),
    "reviewer": (D, D),
    "staff": (A, D),
    "manager": (A, D),
    "administrator": (A, A),
    "public": (D, D),
}


@pytest.mark.parametrize("role", ROLES)
def test_signed_letter_matrix(client, world, role):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from schools.letters import ensure_station_letters

    letters = {}
    for side, station in world["stations"].items():
        letters[side] = get_document_model().objects.create(
            title=f"{side}-letter",
            file=ContentFile(b"%PDF-1.4 letter", name="letter.pdf"),
            collection=ensure_station_letters(station),
        )
    login(client, world, role)
    outcomes = tuple(
        "allowed" if client.get(letters[side].url).status_code == 200 else "denied"
        for side in ("own", "other")
    )
    assert outcomes == LETTERS[role]
