"""The schools and counsellors lists agencies keep in spreadsheets, as the importer of
jindu.spreadsheets.importer reads them: headings as education bureaus and stations write
them, districts and levels in either language."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jindu.editorial.localization import default_locale
from jindu.pages.choices import SchoolLevel
from jindu.spreadsheets.importer import Column, Importer
from schools.models import Counsellor, CounsellorRole, District, School, Station
from schools.scoping import ALL_STATIONS, station_ids

LEVEL_NAMES = {
    "小学": SchoolLevel.PRIMARY,
    "初中": SchoolLevel.JUNIOR,
    "初级中学": SchoolLevel.JUNIOR,
    "高中": SchoolLevel.SENIOR,
    "高级中学": SchoolLevel.SENIOR,
    "完全中学": SchoolLevel.SENIOR,
    "职业学校": SchoolLevel.VOCATIONAL,
    "职校": SchoolLevel.VOCATIONAL,
    "中职": SchoolLevel.VOCATIONAL,
    "中等职业学校": SchoolLevel.VOCATIONAL,
    "技校": SchoolLevel.VOCATIONAL,
    "高校": SchoolLevel.UNIVERSITY,
    "大学": SchoolLevel.UNIVERSITY,
    "高等院校": SchoolLevel.UNIVERSITY,
    "primary school": SchoolLevel.PRIMARY,
    "junior secondary": SchoolLevel.JUNIOR,
    "junior high": SchoolLevel.JUNIOR,
    "middle school": SchoolLevel.JUNIOR,
    "senior secondary": SchoolLevel.SENIOR,
    "high school": SchoolLevel.SENIOR,
    "vocational": SchoolLevel.VOCATIONAL,
    "university": SchoolLevel.UNIVERSITY,
    "college": SchoolLevel.UNIVERSITY,
}
ROLE_NAMES = {
    "社工": CounsellorRole.SOCIAL_WORKER,
    "禁毒社工": CounsellorRole.SOCIAL_WORKER,
    "同伴辅导员": CounsellorRole.PEER,
    "朋辈辅导员": CounsellorRole.PEER,
    "志愿者": CounsellorRole.VOLUNTEER,
    "social worker": CounsellorRole.SOCIAL_WORKER,
    "peer counsellor": CounsellorRole.PEER,
    "peer counselor": CounsellorRole.PEER,
    "volunteer": CounsellorRole.VOLUNTEER,
}


def choice_code(text, choices, names):
    """The code of a choice named by its code, its label in either language, or a name
    offices use for it."""
    lowered = text.strip().lower()
    if lowered in {code for code, _label in choices}:
        return lowered
    if text.strip() in names or lowered in names:
        return names.get(text.strip()) or names[lowered]
    for code, label in choices:
        if lowered == str(label).lower():
            return code
    return None


def district_lookup():
    """Every name a district goes by, in every language, to its record in the default
    locale (the one schools and stations point to): 浦东新区, 浦东, pudong, Pudong New Area."""
    base = {d.translation_key: d for d in District.objects.filter(locale=default_locale())}
    lookup = {}
    for district in District.objects.all():
        target = base.get(district.translation_key)
        if target is None:
            continue
        names = {district.name, district.code}
        for suffix in ("新区", "区", "县", " new area", " district", " county"):
            if district.name.lower().endswith(suffix):
                names.add(district.name[: -len(suffix)])
        for name in names:
            lookup[name.strip().lower()] = target
    return lookup


def station_lookup(user):
    """{"stations": every name of the stations ``user`` reaches, in every language, to the
    station in the default locale; "station_ids": those stations (ALL_STATIONS for
    administrators and commands, which pass no user)}."""
    ids = station_ids(user) if user is not None else ALL_STATIONS
    stations = Station.objects.filter(locale=default_locale())
    if ids is not ALL_STATIONS:
        stations = stations.filter(pk__in=ids)
    names = {station.name.strip().lower(): station for station in stations}
    by_key = {station.translation_key: station for station in stations}
    for translated in Station.objects.exclude(locale=default_locale()):
        if translated.translation_key in by_key:
            names[translated.name.strip().lower()] = by_key[translated.translation_key]
    return {"stations": names, "station_ids": ids}


def parse_district(text, lookup):
    district = lookup.get(text.strip().lower())
    if district is None:
        raise ValidationError(_("Unknown district “%(name)s”.") % {"name": text})
    return district


def parse_count(text):
    try:
        number = float(text.replace(",", "").replace("，", "").replace(" ", ""))
    except ValueError as error:
        raise ValidationError(_("“%(value)s” is not a number.") % {"value": text}) from error
    if number < 0 or not number.is_integer():
        raise ValidationError(
            _("“%(value)s” is not a whole number of 0 or more.") % {"value": text}
        )
    return int(number)


class SchoolImporter(Importer):
    kind = "schools"
    model = School
    label = gettext_lazy("schools")
    permission = "schools.add_school"
    columns = (
        Column(
            "name",
            gettext_lazy("School name"),
            ("学校", "学校名称", "名称", "校名", "school"),
            key=True,
        ),
        Column(
            "district",
            gettext_lazy("District"),
            ("区", "区县", "所在区", "所属区", "所在区县", "区域"),
            key=True,
        ),
        Column(
            "level",
            gettext_lazy("Level"),
            ("类型", "学段", "学校类型", "办学类型", "学校类别", "type"),
            needed_for_new=True,
        ),
        Column(
            "enrolment",
            gettext_lazy("Enrolment"),
            (
                "学生数",
                "学生人数",
                "在校生",
                "在校生数",
                "在校学生数",
                "在校人数",
                "enrollment",
                "students",
                "pupils",
            ),
        ),
        Column("address", gettext_lazy("Address"), ("地址", "学校地址", "详细地址", "通讯地址")),
        Column("contact_person", gettext_lazy("Contact person"), ("联系人", "联络人", "contact")),
        Column(
            "contact_phone",
            gettext_lazy("Contact phone"),
            ("电话", "联系电话", "联系方式", "手机", "phone", "telephone", "tel"),
        ),
    )
    sample_rows = {
        "zh": (
            (
                "上海市浦东新区示范小学",
                "浦东新区",
                "小学",
                1200,
                "浦东新区学府路1号",
                "张老师",
                "021-50000001",
            ),
            ("上海市徐汇区示范中学", "徐汇区", "初中", 800, "", "", ""),
        ),
        "en": (
            (
                "Pudong Demonstration Primary School",
                "Pudong New Area",
                "primary school",
                1200,
                "1 Xuefu Road",
                "Ms Zhang",
                "021-50000001",
            ),
            (
                "Xuhui Demonstration Middle School",
                "Xuhui District",
                "junior secondary",
                800,
                "",
                "",
                "",
            ),
        ),
    }

    def lookups(self, user):
        return {"districts": district_lookup()}

    def existing(self, user, lookups):
        return {(s.name, s.district_id): s for s in School.objects.all()}

    def parse_district(self, text, lookups):
        return parse_district(text, lookups["districts"])

    def parse_level(self, text, lookups):
        level = choice_code(text, SchoolLevel.choices, LEVEL_NAMES)
        if level is None:
            raise ValidationError(
                _("Unknown level “%(level)s”; use 小学, 初中, 高中, 职业学校 or 高校.")
                % {"level": text}
            )
        return level

    def parse_enrolment(self, text, lookups):
        return parse_count(text)


class CounsellorImporter(Importer):
    """Counsellors of the stations the uploader reaches, matched by name and station (by
    its name in either language)."""

    kind = "counsellors"
    model = Counsellor
    label = gettext_lazy("counsellors")
    permission = "schools.add_counsellor"
    columns = (
        Column(
            "name", gettext_lazy("Name"), ("姓名", "名字", "辅导员", "社工姓名", "name"), key=True
        ),
        Column(
            "station",
            gettext_lazy("Work station"),
            ("工作站", "社工站", "站点", "所属站点", "station"),
            key=True,
        ),
        Column(
            "role",
            gettext_lazy("Role"),
            ("角色", "身份", "类别", "职务", "role"),
            needed_for_new=True,
        ),
        Column(
            "qualifications", gettext_lazy("Qualifications"), ("资质", "资格", "职业资格", "证书")
        ),
        Column("phone", gettext_lazy("Phone"), ("电话", "手机", "联系电话", "联系方式")),
        Column("email", gettext_lazy("Email"), ("邮箱", "电子邮箱", "电子邮件", "e-mail")),
    )
    sample_rows = {
        "zh": (("王芳", "浦东新区工作站", "社工", "助理社会工作师，2015年", "13800000000", ""),),
        "en": (
            (
                "Wang Fang",
                "Pudong New Area work station",
                "social worker",
                "Assistant social worker, 2015",
                "13800000000",
                "",
            ),
        ),
    }

    def may_import(self, user):
        return super().may_import(user) and station_ids(user) != frozenset()

    def lookups(self, user):
        return station_lookup(user)

    def existing(self, user, lookups):
        counsellors = Counsellor.objects.all()
        if lookups["station_ids"] is not ALL_STATIONS:
            counsellors = counsellors.filter(station_id__in=lookups["station_ids"])
        return {(c.name, c.station_id): c for c in counsellors}

    def parse_station(self, text, lookups):
        station = lookups["stations"].get(text.strip().lower())
        if station is None:
            raise ValidationError(
                _("“%(name)s” is not a work station you may import counsellors for.")
                % {"name": text}
            )
        return station

    def parse_role(self, text, lookups):
        role = choice_code(text, CounsellorRole.choices, ROLE_NAMES)
        if role is None:
            raise ValidationError(
                _("Unknown role “%(role)s”; use 社工, 同伴辅导员 or 志愿者.") % {"role": text}
            )
        return role


IMPORTERS = [SchoolImporter(), CounsellorImporter()]
