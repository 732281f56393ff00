"""A term's talk schedule from a spreadsheet: events, as jindu.spreadsheets.importer reads
them. An event is matched by its title, start and work station, so importing the corrected
schedule again updates it; every rule of the event form applies to every row."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaigns.models import Event, EventFormat, EventStatus, VenueType
from jindu.spreadsheets.importer import Column, Importer
from schools.models import School
from schools.scoping import ALL_STATIONS, station_ids
from schools.spreadsheets import (
    choice_code,
    district_lookup,
    parse_count,
    parse_district,
    station_lookup,
)

DATE_TIME_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y年%m月%d日 %H时%M分",
]
VENUE_NAMES = {
    "学校": VenueType.SCHOOL,
    "社区": VenueType.COMMUNITY,
    "家庭": VenueType.FAMILY,
    "娱乐场所": VenueType.ENTERTAINMENT,
    "工地": VenueType.CONSTRUCTION,
    "建筑工地": VenueType.CONSTRUCTION,
    "企业": VenueType.ENTERPRISE,
    "企事业单位": VenueType.ENTERPRISE,
    "公共场所": VenueType.PUBLIC_PLACE,
    "戒毒康复场所": VenueType.REHABILITATION,
    "美沙酮门诊": VenueType.METHADONE,
    "线上": VenueType.ONLINE,
    "网络": VenueType.ONLINE,
}
FORMAT_NAMES = {
    "讲座": EventFormat.TALK,
    "展览": EventFormat.EXHIBITION,
    "展板": EventFormat.EXHIBITION,
    "摊位": EventFormat.BOOTH,
    "设摊": EventFormat.BOOTH,
    "摊位宣传": EventFormat.BOOTH,
    "小组": EventFormat.GROUP,
    "小组活动": EventFormat.GROUP,
    "培训": EventFormat.TRAINING,
    "竞赛": EventFormat.CONTEST,
    "知识竞赛": EventFormat.CONTEST,
    "体验": EventFormat.EXPERIENCE,
    "vr体验": EventFormat.EXPERIENCE,
    "大篷车": EventFormat.CARAVAN,
}
STATUS_NAMES = {"待定": EventStatus.PLANNED, "已确定": EventStatus.CONFIRMED}


def parse_moment(text):
    """A local date and time as offices write it (2027-03-05 14:00, 2027/3/5 14:00,
    2027年3月5日 14:00), in the uploader's time zone."""
    cleaned = " ".join(text.replace("：", ":").split())
    for pattern in DATE_TIME_FORMATS:
        try:
            moment = datetime.datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
        return timezone.make_aware(moment)
    raise ValidationError(
        _("“%(value)s” is not a date and time such as 2027-03-05 14:00.") % {"value": text}
    )


class EventImporter(Importer):
    kind = "events"
    model = Event
    label = gettext_lazy("events")
    permission = "campaigns.add_event"
    columns = (
        Column("title", gettext_lazy("Title"), ("标题", "活动名称", "名称", "主题"), key=True),
        Column("start", gettext_lazy("Start"), ("开始", "开始时间", "时间", "活动时间"), key=True),
        Column(
            "station",
            gettext_lazy("Work station"),
            ("工作站", "社工站", "站点", "承办站点", "station"),
            key=True,
        ),
        Column("end", gettext_lazy("End"), ("结束", "结束时间"), needed_for_new=True),
        Column(
            "venue_type",
            gettext_lazy("Venue type"),
            ("场所", "场所类型", "活动场所", "venue"),
            needed_for_new=True,
        ),
        Column("format", gettext_lazy("Format"), ("形式", "活动形式"), needed_for_new=True),
        Column("school", gettext_lazy("School"), ("学校", "学校名称")),
        Column("district", gettext_lazy("District"), ("区", "区县", "所在区")),
        Column("organisation", gettext_lazy("Organisation"), ("单位", "企业", "社区名称")),
        Column("address", gettext_lazy("Address"), ("地址", "活动地址", "地点")),
        Column("status", gettext_lazy("Status"), ("状态",)),
        Column("description", gettext_lazy("Description"), ("内容", "活动内容", "说明")),
        Column("session_number", gettext_lazy("Session number"), ("第几场", "场次")),
        Column("session_count", gettext_lazy("Number of sessions"), ("共几场", "总场次")),
    )
    sample_rows = {
        "zh": (
            (
                "浦东初级中学禁毒讲座",
                "2027-03-05 14:00",
                "浦东新区工作站",
                "2027-03-05 15:30",
                "学校",
                "讲座",
                "浦东初级中学",
                "浦东新区",
                "",
                "",
                "已确认",
                "新型毒品识别",
                1,
                2,
            ),
        ),
        "en": (
            (
                "Drug prevention talk at Pudong Junior Middle School",
                "2027-03-05 14:00",
                "Pudong New Area work station",
                "2027-03-05 15:30",
                "school",
                "talk",
                "浦东初级中学",
                "Pudong New Area",
                "",
                "",
                "confirmed",
                "",
                1,
                2,
            ),
        ),
    }

    def may_import(self, user):
        return super().may_import(user) and station_ids(user) != frozenset()

    def lookups(self, user):
        schools = {}
        for school in School.objects.filter(active=True):
            schools.setdefault(school.name.strip().lower(), []).append(school)
        return {
            **station_lookup(user),
            "districts": district_lookup(),
            "schools": schools,
            "user": user,
        }

    def existing(self, user, lookups):
        events = Event.objects.all()
        if lookups["station_ids"] is not ALL_STATIONS:
            events = events.filter(station_id__in=lookups["station_ids"])
        return {(e.title, e.start, e.station_id): e for e in events}

    def parse_start(self, text, lookups):
        return parse_moment(text)

    def parse_end(self, text, lookups):
        return parse_moment(text)

    def parse_station(self, text, lookups):
        station = lookups["stations"].get(text.strip().lower())
        if station is None:
            raise ValidationError(
                _("“%(name)s” is not a work station you may schedule events for.") % {"name": text}
            )
        return station

    def parse_district(self, text, lookups):
        return parse_district(text, lookups["districts"])

    def parse_school(self, text, lookups):
        found = lookups["schools"].get(text.strip().lower(), [])
        if not found:
            raise ValidationError(_("No school is called “%(name)s”.") % {"name": text})
        if len(found) > 1:
            raise ValidationError(
                _("Several schools are called “%(name)s”; add the district column.")
                % {"name": text}
            )
        return found[0]

    def parse_venue_type(self, text, lookups):
        return self._choice(text, VenueType.choices, VENUE_NAMES)

    def parse_format(self, text, lookups):
        return self._choice(text, EventFormat.choices, FORMAT_NAMES)

    def parse_status(self, text, lookups):
        return self._choice(text, EventStatus.choices, STATUS_NAMES)

    def parse_session_number(self, text, lookups):
        return parse_count(text)

    def parse_session_count(self, text, lookups):
        return parse_count(text)

    def _choice(self, text, choices, names):
        code = choice_code(text, choices, names)
        if code is None:
            raise ValidationError(
                _("Unknown value “%(value)s”; use one of: %(choices)s.")
                % {"value": text, "choices": "、".join(str(label) for _code, label in choices)}
            )
        return code

    derived_fields = ("district",)

    def build(self, values, lookups):
        event = Event(**{"status": EventStatus.PLANNED, **values})
        if lookups["user"] is not None:
            event.created_by = lookups["user"]
        return event

    def prepare(self, event):
        # As Event.save does: a school event takes place in the school's district.
        if event.school_id:
            event.district_id = event.school.district_id
