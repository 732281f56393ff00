"""Demo data of the schools app: Shanghai's districts and the 19 work stations with the
addresses and phones of Shanghai Ziqiang's 2009 profile of its district stations (under
today's district names), ~50 schools, counsellors,
agreements in every status, the public station directory and demo staff accounts."""

import datetime
import random

from django.utils import timezone

from wagtail.models import Locale

from jindu.demo import ensure_child, ensure_site_settings, ensure_translated, ensure_user
from jindu.editorial.localization import default_locale, translate
from jindu.models import HomePage
from jindu.pages.choices import SchoolLevel
from schools.models import (
    AgreementRole,
    Counsellor,
    CounsellorAgreement,
    CounsellorRole,
    District,
    School,
    Station,
    StationDirectoryPage,
    StationMembership,
)
from schools.roles import ensure_outreach_groups
from schools.scoping import OUTREACH_STAFF, STATION_MANAGERS

# Today's 16 districts of Shanghai (code, name, English), in the city's own order.
DISTRICTS = [
    ("huangpu", "黄浦区", "Huangpu"),
    ("xuhui", "徐汇区", "Xuhui"),
    ("changning", "长宁区", "Changning"),
    ("jingan", "静安区", "Jing'an"),
    ("putuo", "普陀区", "Putuo"),
    ("hongkou", "虹口区", "Hongkou"),
    ("yangpu", "杨浦区", "Yangpu"),
    ("minhang", "闵行区", "Minhang"),
    ("baoshan", "宝山区", "Baoshan"),
    ("jiading", "嘉定区", "Jiading"),
    ("pudong", "浦东新区", "Pudong New Area"),
    ("jinshan", "金山区", "Jinshan"),
    ("songjiang", "松江区", "Songjiang"),
    ("qingpu", "青浦区", "Qingpu"),
    ("fengxian", "奉贤区", "Fengxian"),
    ("chongming", "崇明区", "Chongming"),
]

# The 19 stations of the 2009 profile with their addresses and phones, under today's
# districts: Luwan joined Huangpu (2011), Zhabei Jing'an (2015), Nanhui Pudong (2009), and
# Chongming county became a district (2016); the stations kept their own names.
# (district code, station, English, address, English address, phone, fax, postcode)
STATIONS = [
    ("pudong", "浦东新区工作站", "Pudong New Area work station", "民生路600号311室", "Room 311, 600 Minsheng Road", "021-68537013", "58606232", "200135"),
    ("xuhui", "徐汇工作站", "Xuhui work station", "天钥桥路191弄南天大楼3号楼101室", "Room 101, Building 3, Nantian Mansion, Lane 191 Tianyaoqiao Road", "021-54257140", "54257140", "200030"),
    ("huangpu", "黄浦卢湾工作站", "Huangpu (Luwan) work station", "蒙自路216号101-103室", "Rooms 101–103, 216 Mengzi Road", "021-63048126", "63048126", "200023"),
    ("jingan", "静安闸北工作站", "Jing'an (Zhabei) work station", "天目中路749弄53号805室", "Room 805, No. 53, Lane 749 Tianmu Road (Central)", "021-63530943", "63530943", "200070"),
    ("baoshan", "宝山工作站", "Baoshan work station", "密山路8号", "8 Mishan Road", "021-56604173", "56604173", "201900"),
    ("minhang", "闵行工作站", "Minhang work station", "莘庄镇莘东路375号203室", "Room 203, 375 Xindong Road, Xinzhuang", "021-54955520", "54955520", "201100"),
    ("hongkou", "虹口工作站", "Hongkou work station", "祥德路274弄220号", "No. 220, Lane 274 Xiangde Road", "021-65217108", "65217108", "200081"),
    ("changning", "长宁工作站", "Changning work station", "天山二村64号(乙)308室", "Room 308, Building 64B, Tianshan Second Village", "021-62596570", "62596570", "200051"),
    ("yangpu", "杨浦工作站", "Yangpu work station", "凤城六村1号206室", "Room 206, Building 1, Fengcheng Sixth Village", "021-65151636", "65151636", "200093"),
    ("putuo", "普陀工作站", "Putuo work station", "怒江北路402室", "Room 402, Nujiang Road (North)", "021-52812292", "52815219", "200333"),
    ("huangpu", "黄浦工作站", "Huangpu work station", "江西中路261号416室", "Room 416, 261 Jiangxi Road (Central)", "021-63213373", "63213373", "200002"),
    ("jingan", "静安工作站", "Jing'an work station", "陕西北路1038号", "1038 Shaanxi Road (North)", "021-62774603", "62774670", "200040"),
    ("chongming", "崇明工作站", "Chongming work station", "城桥镇星火路2号", "2 Xinghuo Road, Chengqiao", "021-59421221", "59421221", "201250"),
    ("jinshan", "金山工作站", "Jinshan work station", "罗中路72号", "72 Luozhong Road", "021-57314250", "57316461", "201500"),
    ("fengxian", "奉贤工作站", "Fengxian work station", "南桥解放中路372号", "372 Jiefang Road (Central), Nanqiao", "021-57424155", "57424155", "201400"),
    ("pudong", "浦东南汇工作站", "Pudong (Nanhui) work station", "惠南镇北门大街5号7楼", "7th floor, 5 Beimen Street, Huinan", "021-68008620", "68008515", "201300"),
    ("songjiang", "松江工作站", "Songjiang work station", "五昆路222号底层", "Ground floor, 222 Wukun Road", "021-57786610", "57786610", "201613"),
    ("jiading", "嘉定工作站", "Jiading work station", "仓场路421弄59号", "No. 59, Lane 421 Cangchang Road", "021-59995799", "59995799", "201822"),
    ("qingpu", "青浦工作站", "Qingpu work station", "城中东路550号金融大厦1202室", "Room 1202, Finance Tower, 550 Chengzhong Road (East)", "021-59726456", "59726456", "201700"),
]  # fmt: skip

SCHOOL_TYPES = [
    ("实验小学", SchoolLevel.PRIMARY, (600, 1500)),
    ("初级中学", SchoolLevel.JUNIOR, (500, 1200)),
    ("第一中学", SchoolLevel.SENIOR, (900, 2000)),
]
VOCATIONAL = [
    ("浦东新区", "浦东职业技术学校"),
    ("闵行区", "闵行职业技术学校"),
    ("嘉定区", "嘉定区职业技术学校"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = [
    "丽华",
    "建国",
    "敏",
    "晓燕",
    "伟",
    "静",
    "磊",
    "婷",
    "强",
    "芳",
    "俊",
    "慧",
    "斌",
    "颖",
    "杰",
    "琳",
    "涛",
    "倩",
    "勇",
    "洁",
]


def short_name(district_name):
    for suffix in ("新区", "区", "县"):
        if district_name.endswith(suffix):
            return district_name[: -len(suffix)]
    return district_name


def ensure_districts_and_stations():
    locale = default_locale()
    english = Locale.objects.get(language_code="en")
    districts = {}
    for order, (code, name, name_en) in enumerate(DISTRICTS):
        district = District.objects.filter(locale=locale, code=code).first()
        if district is None:
            district = District.objects.create(
                locale=locale, name=name, code=code, sort_order=order
            )
        if district.get_translation_or_none(english) is None:
            translate(district, "en", {name: name_en})
        districts[code] = district
    stations = []
    for code, name, name_en, address, en_address, phone, fax, postcode in STATIONS:
        station = Station.objects.filter(locale=locale, name=name).first()
        if station is None:
            station = Station.objects.create(
                locale=locale,
                name=name,
                district=districts[code],
                address=address,
                phone=phone,
                fax=fax,
                postcode=postcode,
                is_public=True,
            )
        if station.get_translation_or_none(english) is None:
            translate(station, "en", {name: name_en, address: en_address})
        stations.append(station)
    return stations


def ensure_schools(rng):
    schools = []
    for district in District.objects.filter(locale=default_locale()).order_by("sort_order"):
        for suffix, level, (low, high) in SCHOOL_TYPES:
            name = f"{short_name(district.name)}{suffix}"
            school, _created = School.objects.get_or_create(
                name=name,
                district=district,
                defaults={
                    "level": level,
                    "enrolment": rng.randrange(low, high, 10),
                    "address": f"{short_name(district.name)}学府路{rng.randint(1, 300)}号",
                    "contact_person": f"{rng.choice(SURNAMES)}老师",
                    "contact_phone": f"021-5{rng.randint(1000000, 9999999)}",
                },
            )
            schools.append(school)
    for district_name, name in VOCATIONAL:
        district = District.objects.get(locale=default_locale(), name=district_name)
        school, _created = School.objects.get_or_create(
            name=name,
            district=district,
            defaults={
                "level": SchoolLevel.VOCATIONAL,
                "enrolment": rng.randrange(800, 2500, 10),
                "contact_person": "教务处",
                "contact_phone": f"021-6{rng.randint(1000000, 9999999)}",
            },
        )
        schools.append(school)
    return schools


def ensure_counsellors(stations, rng):
    counsellors = []
    for index, station in enumerate(stations):
        for offset, role in enumerate(
            [CounsellorRole.SOCIAL_WORKER, CounsellorRole.SOCIAL_WORKER, CounsellorRole.PEER]
        ):
            name = (
                SURNAMES[(index + offset * 7) % len(SURNAMES)]
                + GIVEN[(index * 3 + offset) % len(GIVEN)]
            )
            counsellor, _created = Counsellor.objects.get_or_create(
                name=name,
                station=station,
                defaults={
                    "role": role,
                    "qualifications": "助理社会工作师"
                    if role == CounsellorRole.SOCIAL_WORKER
                    else "同伴辅导员培训结业",
                    "phone": f"139{rng.randint(10000000, 99999999)}",
                    "email": f"counsellor{index}{offset}@jindu.example",
                },
            )
            counsellors.append(counsellor)
    return counsellors


def ensure_agreements(schools, counsellors, today):
    """Agreements in every status, by the school's position in the list."""
    if CounsellorAgreement.objects.exists():
        return
    by_station = {}
    for counsellor in counsellors:
        if counsellor.role == CounsellorRole.SOCIAL_WORKER:
            by_station.setdefault(counsellor.station.district_id, []).append(counsellor)
    day = datetime.timedelta(days=1)
    # The demo accounts' stations (Pudong, Xuhui) first: their staff see every status.
    first = {"pudong": 0, "xuhui": 1}
    schools = sorted(schools, key=lambda school: first.get(school.district.code, len(first)))
    for number, school in enumerate(schools):
        candidates = by_station.get(school.district_id)
        if not candidates or number % 5 == 4:
            continue  # about one school in five has no counsellor yet
        counsellor = candidates[number % len(candidates)]
        kind = number % 7
        role = [AgreementRole.OFF_CAMPUS, AgreementRole.ANTI_DRUG, AgreementRole.PUBLICITY][
            number % 3
        ]
        common = {
            "school": school,
            "counsellor": counsellor,
            "station": counsellor.station,
            "role": role,
            "sessions_per_term": 2 + number % 3,
        }
        if kind == 0:  # active
            CounsellorAgreement.objects.create(
                start_date=today - 200 * day,
                end_date=today + 165 * day,
                signed_on=today - 210 * day,
                **common,
            )
        elif kind == 1:  # renewal due
            CounsellorAgreement.objects.create(
                start_date=today - 345 * day,
                end_date=today + 20 * day,
                signed_on=today - 350 * day,
                **common,
            )
        elif kind == 2:  # expired
            CounsellorAgreement.objects.create(
                start_date=today - 400 * day,
                end_date=today - 35 * day,
                signed_on=today - 410 * day,
                **common,
            )
        elif kind == 3:  # draft
            CounsellorAgreement.objects.create(
                start_date=today + 10 * day, end_date=today + 375 * day, **common
            )
        elif kind == 4:  # terminated
            CounsellorAgreement.objects.create(
                start_date=today - 100 * day,
                end_date=today + 265 * day,
                signed_on=today - 110 * day,
                terminated_on=today - 15 * day,
                termination_reason="学校调整课程安排，双方协商终止。",
                **common,
            )
        else:  # renewed: last year's agreement and this year's renewal
            previous = CounsellorAgreement.objects.create(
                start_date=today - 500 * day,
                end_date=today - 136 * day,
                signed_on=today - 505 * day,
                **common,
            )
            renewal = previous.renew()
            renewal.signed_on = renewal.start_date - 10 * day
            renewal.save()


def ensure_station_directory(command):
    home = HomePage.objects.filter(locale=default_locale(), depth=2).first()
    page = ensure_child(
        home,
        StationDirectoryPage,
        "stations",
        title="禁毒社工站查询",
        show_in_menus=True,
        intro="<p>上海市各区禁毒社工工作站的地址和电话。如需帮助，请就近联系或拨打24小时求助热线。</p>",
    )
    ensure_translated(
        page,
        {
            "禁毒社工站查询": "Find a work station",
            "stations": "stations",
            "上海市各区禁毒社工工作站的地址和电话。如需帮助，请就近联系或拨打24小时求助热线。": (
                "Addresses and phone numbers of the anti-drug social work stations in each district "
                "of Shanghai. For help, contact the station nearest you or call the 24-hour hotline."
            ),
        },
    )
    ensure_site_settings(station_directory=page)
    return page


def ensure_staff(command, stations):
    pudong, xuhui = stations[0], stations[1]
    for username, group, station in [
        ("manager_pudong", STATION_MANAGERS, pudong),
        ("staff_pudong", OUTREACH_STAFF, pudong),
        ("staff_xuhui", OUTREACH_STAFF, xuhui),
    ]:
        user = ensure_user(command, username, groups=[group])
        StationMembership.objects.get_or_create(user=user, defaults={"station": station})


def load(command):
    rng = random.Random(626)  # the same demo every time
    today = timezone.localdate()
    ensure_outreach_groups()
    stations = ensure_districts_and_stations()
    schools = ensure_schools(rng)
    counsellors = ensure_counsellors(stations, rng)
    ensure_agreements(schools, counsellors, today)
    ensure_station_directory(command)
    ensure_staff(command, stations)
