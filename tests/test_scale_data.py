"""generate_scale_data at a small size: the rows it promises, stock never below zero, and a
second run that adds nothing."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from campaigns.models import Event, MovementKind, StockMovement
from jindu.models import ArticlePage
from schools.models import School, Station


@pytest.fixture
def demo(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-demo-password")
    call_command("load_demo", stdout=StringIO())


def counts():
    return (
        School.objects.filter(name__startswith="规模").count(),
        Event.objects.filter(title__startswith="规模").count(),
        ArticlePage.objects.filter(slug__startswith="scale-").count(),
        StockMovement.objects.count(),
    )


def test_generates_the_requested_sizes_and_is_repeatable(demo):
    args = [
        "--schools",
        "30",
        "--events",
        "120",
        "--articles",
        "2",
        "--batch",
        "50",
        "--per-year",
        "500",  # about three months: most events are over, with attendance and materials
        "--no-progress",
    ]
    call_command("generate_scale_data", *args, stdout=StringIO(), stderr=StringIO())
    schools, events, articles, _movements = counts()
    assert (schools, events, articles) == (30, 120, 4)  # two languages
    for station in Station.objects.filter(locale__language_code="zh-hans"):
        for material_id in (
            StockMovement.objects.filter(station=station)
            .values_list("material_id", flat=True)
            .distinct()
        ):
            assert StockMovement.stock(material_id, station) >= 0
    assert StockMovement.objects.filter(
        kind=MovementKind.DISTRIBUTION, event__title__startswith="规模"
    ).exists()
    first = counts()
    call_command("generate_scale_data", *args, stdout=StringIO(), stderr=StringIO())
    assert counts() == first


def test_refuses_nonsense_sizes(db):
    with pytest.raises(CommandError, match="--batch must be a positive number"):
        call_command("generate_scale_data", "--batch", "0", stdout=StringIO())
