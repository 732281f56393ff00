"""Demo outreach: this year's June 26 campaign month and two monthly themes, ~200 events
across every venue type and status, their attendance, materials and stock movements, and
the public events page. Seeded, so every run makes the same year."""

import datetime
import random
import zoneinfo

from django.conf import settings
from django.utils import timezone

from campaigns.demo_feedback import ensure_feedback, ensure_todays_talk
from campaigns.models import (
    Attendance,
    Campaign,
    CampaignIndexPage,
    CampaignKind,
    CampaignPage,
    Event,
    EventFormat,
    EventIndexPage,
    EventStatus,
    Material,
    MovementKind,
    StockMovement,
    TalkRequestPage,
    VenueType,
    june_26,
)
from campaigns.roles import ensure_campaign_permissions
from jindu.demo import ensure_child, ensure_site_settings, ensure_translated, pairs
from jindu.demo.help import PORTALS
from jindu.demo.media import ensure_image
from jindu.editorial.localization import default_locale
from jindu.models import AudiencePage, HomePage
from jindu.pages.choices import AudienceGroup
from schools.models import Counsellor, School, Station

TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)
EVENT_COUNT = 200

MATERIALS = [
    ("禁毒知识宣传单", "leaflet", "zh-hans", "份"),
    ("6·26国际禁毒日海报", "poster", "zh-hans", "张"),
    ("青少年禁毒知识手册", "handbook", "zh-hans", "本"),
    ("禁毒知识宣传单（英文版）", "leaflet", "en", "份"),
    ("禁毒宣传环保袋", "giveaway", "zh-hans", "个"),
]
TITLES = {
    VenueType.SCHOOL: ["“珍爱生命 远离毒品”主题讲座", "禁毒知识进课堂", "禁毒主题班会"],
    VenueType.COMMUNITY: ["社区禁毒宣传日", "禁毒知识有奖问答", "禁毒图片展"],
    VenueType.FAMILY: ["家庭禁毒教育讲座", "亲子禁毒知识课堂"],
    VenueType.ENTERTAINMENT: ["娱乐场所禁毒宣传", "酒吧KTV禁毒提示活动"],
    VenueType.CONSTRUCTION: ["工地禁毒宣传进工棚"],
    VenueType.ENTERPRISE: ["企业员工禁毒培训", "禁毒知识进企业"],
    VenueType.PUBLIC_PLACE: ["广场禁毒宣传摊位", "地铁站禁毒展板展示"],
    VenueType.REHABILITATION: ["戒毒所同伴教育小组"],
    VenueType.METHADONE: ["美沙酮门诊健康讲座"],
    VenueType.ONLINE: ["线上禁毒知识竞赛"],
}
TITLES_EN = {
    "“珍爱生命 远离毒品”主题讲座": "“Cherish life, stay away from drugs” talk",
    "禁毒知识进课堂": "Drug prevention in the classroom",
    "禁毒主题班会": "Drug prevention class meeting",
    "社区禁毒宣传日": "Community drug prevention day",
    "禁毒知识有奖问答": "Drug knowledge quiz with prizes",
    "禁毒图片展": "Drug prevention photo exhibition",
    "家庭禁毒教育讲座": "Drug prevention talk for families",
    "亲子禁毒知识课堂": "Parent and child drug prevention class",
    "娱乐场所禁毒宣传": "Drug prevention in entertainment venues",
    "酒吧KTV禁毒提示活动": "Drug safety messages in bars and karaoke rooms",
    "工地禁毒宣传进工棚": "Drug prevention at the construction site",
    "企业员工禁毒培训": "Drug prevention training for employees",
    "禁毒知识进企业": "Drug prevention at work",
    "广场禁毒宣传摊位": "Drug prevention stand on the square",
    "地铁站禁毒展板展示": "Drug prevention display at the metro station",
    "戒毒所同伴教育小组": "Peer education group at the rehabilitation centre",
    "美沙酮门诊健康讲座": "Health talk at the methadone clinic",
    "线上禁毒知识竞赛": "Online drug knowledge contest",
}
DESCRIPTION = (
    "禁毒社工结合真实案例讲解新型毒品的伪装和危害，现场演示拒绝技巧，并发放宣传资料。欢迎居民参加。"
)
DESCRIPTION_EN = (
    "Anti-drug social workers explain how new drugs are disguised and the harm they do, with "
    "real cases, show ways to say no, and hand out leaflets. Everyone is welcome."
)
# Neighbourhoods (街道 and 镇) of each district where demo events take place: the places
# read as a Shanghai office would write them, though the events are examples.
STREETS = {
    "huangpu": [("外滩", "the Bund"), ("南京东路", "Nanjing Road East"), ("老西门", "Laoximen")],
    "xuhui": [("天平路", "Tianping Road"), ("康健新村", "Kangjian"), ("田林", "Tianlin")],
    "changning": [("华阳路", "Huayang Road"), ("新华路", "Xinhua Road"), ("仙霞新村", "Xianxia")],
    "jingan": [("静安寺", "Jing'an Temple"), ("江宁路", "Jiangning Road"), ("彭浦新村", "Pengpu")],
    "putuo": [("长寿路", "Changshou Road"), ("曹杨新村", "Caoyang"), ("真如", "Zhenru")],
    "hongkou": [
        ("四川北路", "Sichuan Road North"),
        ("欧阳路", "Ouyang Road"),
        ("曲阳路", "Quyang Road"),
    ],
    "yangpu": [("五角场", "Wujiaochang"), ("殷行", "Yinhang"), ("控江路", "Kongjiang Road")],
    "minhang": [("莘庄", "Xinzhuang"), ("七宝", "Qibao"), ("古美", "Gumei")],
    "baoshan": [("友谊路", "Youyi Road"), ("吴淞", "Wusong"), ("大场", "Dachang")],
    "jiading": [("新成路", "Xincheng Road"), ("菊园", "Juyuan"), ("嘉定镇", "Jiading Town")],
    "pudong": [
        ("陆家嘴", "Lujiazui"),
        ("花木", "Huamu"),
        ("张江", "Zhangjiang"),
        ("惠南", "Huinan"),
    ],
    "jinshan": [("石化", "Shihua"), ("朱泾", "Zhujing")],
    "songjiang": [("岳阳", "Yueyang"), ("方松", "Fangsong"), ("中山", "Zhongshan")],
    "qingpu": [("夏阳", "Xiayang"), ("盈浦", "Yingpu"), ("赵巷", "Zhaoxiang")],
    "fengxian": [("南桥", "Nanqiao"), ("奉浦", "Fengpu"), ("西渡", "Xidu")],
    "chongming": [("城桥", "Chengqiao"), ("堡镇", "Baozhen")],
}
VENUES = {
    VenueType.COMMUNITY: "{}社区文化活动中心",
    VenueType.PUBLIC_PLACE: "{}社区广场",
    VenueType.ENTERPRISE: "{}产业园区",
    VenueType.CONSTRUCTION: "{}在建项目工地",
    VenueType.ENTERTAINMENT: "{}商业街",
    VenueType.FAMILY: "{}居民小区",
    VenueType.REHABILITATION: "{}社区戒毒康复指导站",
    VenueType.METHADONE: "{}美沙酮维持治疗门诊",
}


def venue_name(rng, venue, district):
    """Where an event outside a school takes place: 陆家嘴社区文化活动中心."""
    if venue == VenueType.ONLINE:
        return "线上"
    street, _english = rng.choice(STREETS.get(district.code, [(district.name, district.name)]))
    return VENUES.get(venue, "{}").format(street)


FORMATS = {
    VenueType.SCHOOL: [EventFormat.TALK, EventFormat.EXPERIENCE, EventFormat.CONTEST],
    VenueType.COMMUNITY: [EventFormat.BOOTH, EventFormat.EXHIBITION, EventFormat.CONTEST],
    VenueType.FAMILY: [EventFormat.TALK, EventFormat.GROUP],
    VenueType.ENTERTAINMENT: [EventFormat.BOOTH],
    VenueType.CONSTRUCTION: [EventFormat.TALK, EventFormat.CARAVAN],
    VenueType.ENTERPRISE: [EventFormat.TRAINING, EventFormat.TALK],
    VenueType.PUBLIC_PLACE: [EventFormat.BOOTH, EventFormat.EXHIBITION, EventFormat.CARAVAN],
    VenueType.REHABILITATION: [EventFormat.GROUP],
    VenueType.METHADONE: [EventFormat.TALK],
    VenueType.ONLINE: [EventFormat.CONTEST],
}
VENUE_WEIGHTS = [
    (VenueType.SCHOOL, 30),
    (VenueType.COMMUNITY, 25),
    (VenueType.PUBLIC_PLACE, 10),
    (VenueType.ENTERPRISE, 8),
    (VenueType.FAMILY, 6),
    (VenueType.ENTERTAINMENT, 6),
    (VenueType.CONSTRUCTION, 5),
    (VenueType.REHABILITATION, 4),
    (VenueType.METHADONE, 3),
    (VenueType.ONLINE, 3),
]
SCHOOL_GROUPS = {
    "primary": AudienceGroup.PRIMARY,
    "junior": AudienceGroup.JUNIOR,
    "senior": AudienceGroup.SENIOR,
    "vocational": AudienceGroup.VOCATIONAL,
    "university": AudienceGroup.UNIVERSITY,
}
OTHER_GROUPS = {
    VenueType.COMMUNITY: [AudienceGroup.RESIDENTS, AudienceGroup.PARENTS],
    VenueType.FAMILY: [AudienceGroup.PARENTS, AudienceGroup.OTHERS],
    VenueType.ENTERPRISE: [AudienceGroup.EMPLOYEES],
    VenueType.CONSTRUCTION: [AudienceGroup.EMPLOYEES],
    VenueType.ENTERTAINMENT: [AudienceGroup.OTHERS],
    VenueType.PUBLIC_PLACE: [AudienceGroup.RESIDENTS, AudienceGroup.OTHERS],
    VenueType.REHABILITATION: [AudienceGroup.OTHERS],
    VenueType.METHADONE: [AudienceGroup.OTHERS],
    VenueType.ONLINE: [AudienceGroup.RESIDENTS, AudienceGroup.OTHERS],
}


def ensure_campaigns(today):
    year = today.year
    month = Campaign.objects.get_or_create(
        name=f"{year}年6·26国际禁毒日宣传月",
        defaults=dict(
            kind=CampaignKind.JUNE_26,
            theme="珍爱生命，远离毒品",
            start_date=datetime.date(year, 6, 1),
            end_date=datetime.date(year, 6, 30),
            goal_events=60,
            goal_audience=12000,
            goal_materials=20000,
        ),
    )[0]
    day = Campaign.objects.get_or_create(
        name=f"{year}年6·26国际禁毒日",
        defaults=dict(
            kind=CampaignKind.JUNE_26,
            theme="珍爱生命，远离毒品",
            start_date=datetime.date(year, 6, 26),
            end_date=datetime.date(year, 6, 26),
            parent=month,
            goal_events=20,
            goal_audience=5000,
            goal_materials=8000,
        ),
    )[0]
    march = Campaign.objects.get_or_create(
        name=f"{year}年3月主题：远离新型毒品",
        defaults=dict(
            kind=CampaignKind.MONTHLY,
            theme="识别伪装成零食饮料的新型毒品",
            start_date=datetime.date(year, 3, 1),
            end_date=datetime.date(year, 3, 31),
            goal_events=30,
            goal_audience=5000,
            goal_materials=8000,
        ),
    )[0]
    october = Campaign.objects.get_or_create(
        name=f"{year}年10月主题：禁毒进校园",
        defaults=dict(
            kind=CampaignKind.MONTHLY,
            theme="青少年毒品预防教育",
            start_date=datetime.date(year, 10, 1),
            end_date=datetime.date(year, 10, 31),
            goal_events=30,
            goal_audience=6000,
            goal_materials=6000,
        ),
    )[0]
    return {"month": month, "day": day, "march": march, "october": october}


def ensure_materials():
    return [
        Material.objects.get_or_create(
            name=name, defaults={"kind": kind, "language": language, "unit": unit}
        )[0]
        for name, kind, language, unit in MATERIALS
    ]


def _campaign_for(moment, campaigns):
    date = timezone.localtime(moment).date()
    if date == campaigns["day"].start_date:
        return campaigns["day"]
    for key in ("month", "march", "october"):
        campaign = campaigns[key]
        if campaign.start_date <= date <= campaign.end_date:
            return campaign
    return None


def _status(rng, start, now):
    if start < now - datetime.timedelta(days=1):
        return rng.choices(
            [EventStatus.COMPLETED, EventStatus.CANCELLED, EventStatus.POSTPONED], [90, 6, 4]
        )[0]
    return rng.choices(
        [EventStatus.REQUESTED, EventStatus.PLANNED, EventStatus.CONFIRMED], [15, 45, 40]
    )[0]


def ensure_events(rng, campaigns, today):
    if Event.objects.exists():
        return
    now = timezone.now()
    stations = list(Station.objects.filter(locale=default_locale()).select_related("district"))
    counsellors = {}
    for counsellor in Counsellor.objects.filter(active=True):
        counsellors.setdefault(counsellor.station_id, []).append(counsellor)
    schools = {}
    for school in School.objects.filter(active=True):
        schools.setdefault(school.district_id, []).append(school)
    year_start = today - datetime.timedelta(days=300)
    venues, weights = zip(*VENUE_WEIGHTS, strict=True)
    booked = {}
    for number in range(EVENT_COUNT):
        # A third of the year's events fall in the June campaign month, as in real agencies.
        if number % 3 == 0:
            day = datetime.date(today.year, 6, rng.randint(1, 30))
            if number % 9 == 0:
                day = datetime.date(today.year, 6, 26)
        else:
            day = year_start + datetime.timedelta(days=rng.randint(0, 360))
        station = (
            stations[number % len(stations)] if number % 4 else stations[number % 2]
        )  # Pudong and Xuhui busier
        venue = rng.choices(venues, weights)[0]
        school = None
        if venue == VenueType.SCHOOL:
            options = schools.get(station.district_id)
            if not options:
                venue = VenueType.COMMUNITY
            else:
                school = rng.choice(options)
        hour = rng.choice([9, 10, 13, 14, 15, 19])
        start = datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=TZ)
        end = start + datetime.timedelta(hours=rng.choice([1, 1.5, 2, 3]))
        people = [
            c for c in counsellors.get(station.pk, []) if not _clash(booked, c.pk, start, end)
        ]
        team = people[: rng.randint(1, 2)]
        for person in team:
            booked.setdefault(person.pk, []).append((start, end))
        title = rng.choice(TITLES[venue])
        event = Event(
            title=title,
            title_en=TITLES_EN[title],
            description=DESCRIPTION,
            description_en=DESCRIPTION_EN,
            venue_type=venue,
            format=rng.choice(FORMATS[venue]),
            school=school,
            organisation="" if school else venue_name(rng, venue, station.district),
            district=station.district,
            station=station,
            start=start,
            end=end,
            campaign=_campaign_for(start, campaigns),
            status=_status(rng, start, now),
            is_public=venue
            in (VenueType.COMMUNITY, VenueType.PUBLIC_PLACE, VenueType.ONLINE, VenueType.FAMILY),
        )
        event.counsellors.set(team)
        event.save()  # a ClusterableModel saves its many-to-many with itself


def _clash(booked, counsellor_id, start, end):
    return any(s < end and e > start for s, e in booked.get(counsellor_id, []))


def ensure_attendance_and_stock(rng, materials):
    if Attendance.objects.exists():
        return
    stations = Station.objects.filter(locale=default_locale())
    for station in stations:
        for material in materials:
            StockMovement(
                material=material,
                station=station,
                kind=MovementKind.RECEIPT,
                quantity=rng.randrange(2000, 6000, 100),
                note="市禁毒办配发",
            ).record()
    completed = Event.objects.filter(status=EventStatus.COMPLETED).select_related("school")
    for event in completed:
        if event.school_id:
            group = SCHOOL_GROUPS.get(event.school.level, AudienceGroup.OTHERS)
            students = min(event.school.enrolment, rng.randrange(40, 400, 5))
            Attendance.objects.create(event=event, group=group, count=students)
            Attendance.objects.create(
                event=event, group=AudienceGroup.TEACHERS, count=rng.randint(2, 12)
            )
        else:
            for group in OTHER_GROUPS.get(event.venue_type, [AudienceGroup.OTHERS]):
                Attendance.objects.create(event=event, group=group, count=rng.randrange(15, 300, 5))
        for material in rng.sample(materials, 2):
            quantity = rng.randrange(20, 200, 10)
            if StockMovement.stock(material, event.station_id) >= quantity:
                StockMovement(
                    material=material,
                    station_id=event.station_id,
                    kind=MovementKind.DISTRIBUTION,
                    quantity=quantity,
                    event=event,
                ).record()


def ensure_events_page():
    home = HomePage.objects.filter(locale=default_locale(), depth=2).first()
    page = ensure_child(
        home,
        EventIndexPage,
        "events",
        title="近期禁毒活动",
        show_in_menus=True,
        intro="<p>各区禁毒社工站近期面向公众的宣传活动，欢迎参加。</p>",
    )
    ensure_translated(
        page,
        {
            "近期禁毒活动": "Upcoming events",
            "events": "events",
            "各区禁毒社工站近期面向公众的宣传活动，欢迎参加。": "Public prevention events run by the work stations in each district. Everyone is welcome.",
        },
    )
    return page


THEMES = {
    "zh": ("珍爱生命，远离毒品", "健康人生，绿色无毒"),
    "en": ("Cherish life, stay away from drugs", "A healthy life, free of drugs"),
}


def ensure_last_year(rng, today):
    """Last year's June 26 campaign with its events, so the campaign index has final figures."""
    year = today.year - 1
    campaign, created = Campaign.objects.get_or_create(
        name=f"{year}年6·26国际禁毒日宣传月",
        defaults=dict(
            kind=CampaignKind.JUNE_26,
            theme="健康人生，绿色无毒",
            start_date=datetime.date(year, 6, 1),
            end_date=datetime.date(year, 6, 30),
            goal_events=40,
            goal_audience=8000,
            goal_materials=12000,
        ),
    )
    if not created:
        return campaign
    stations = list(Station.objects.filter(locale=default_locale()).select_related("district"))
    leaflet = Material.objects.get(name=MATERIALS[0][0])
    for number in range(36):
        station = stations[number % len(stations)]
        start = datetime.datetime(year, 6, 1 + number % 30, 9 + number % 6, 0, tzinfo=TZ)
        venue = [VenueType.COMMUNITY, VenueType.PUBLIC_PLACE, VenueType.ENTERPRISE][number % 3]
        title = rng.choice(TITLES[venue])
        event = Event.objects.create(
            title=title,
            title_en=TITLES_EN[title],
            venue_type=venue,
            format=rng.choice(FORMATS[venue]),
            organisation=venue_name(rng, venue, station.district),
            district=station.district,
            station=station,
            start=start,
            end=start + datetime.timedelta(hours=2),
            campaign=campaign,
            status=EventStatus.COMPLETED,
            is_public=True,
        )
        Attendance.objects.create(
            event=event, group=AudienceGroup.RESIDENTS, count=rng.randrange(50, 400, 10)
        )
        if StockMovement.stock(leaflet, station) >= 100:
            StockMovement(
                material=leaflet,
                station=station,
                kind=MovementKind.DISTRIBUTION,
                quantity=100,
                event=event,
            ).record()
    return campaign


def ensure_campaign_pages(this_year, last_year, today):
    home = HomePage.objects.filter(locale=default_locale(), depth=2).first()
    index = ensure_child(
        home,
        CampaignIndexPage,
        "june-26",
        title="6·26国际禁毒日",
        show_in_menus=True,
        intro="<p>每年6月26日是国际禁毒日。这里是各年度宣传活动的主题和成果。</p>",
    )
    ensure_translated(
        index,
        {
            "6·26国际禁毒日": "June 26",
            "june-26": "june-26",
            "每年6月26日是国际禁毒日。这里是各年度宣传活动的主题和成果。": "June 26 is the International Day against Drug Abuse. Here are each year's campaign themes and results.",
        },
    )
    pages = []
    for campaign, year, (theme_zh, theme_en) in [
        (last_year, today.year - 1, (THEMES["zh"][1], THEMES["en"][1])),
        (this_year, today.year, (THEMES["zh"][0], THEMES["en"][0])),
    ]:
        slug = str(year)
        page = CampaignPage.objects.child_of(index).filter(slug=slug).first()
        if page is None:
            page = CampaignPage(
                title=f"{year}年6·26国际禁毒日",
                slug=slug,
                campaign=campaign,
                year=year,
                theme=theme_zh,
                slogan="无毒青春，健康生活",
                intro="禁毒社工走进学校、社区、企业和公共场所，开展形式多样的宣传活动。",
                locale=index.locale,
                hero_image=ensure_image("campaign"),
                body=[
                    {
                        "type": "paragraph",
                        "value": "<p>国际禁毒日前后，全市各禁毒社工站集中开展“六进”宣传活动。</p>",
                    }
                ],
            )
            index.add_child(instance=page)
            revision = page.save_revision()
            day = datetime.datetime.combine(june_26(year), datetime.time.min, tzinfo=TZ)
            if today < june_26(year):
                # Scheduled: goes live at 00:00 on 26 June, Asia/Shanghai (publish_scheduled).
                page.go_live_at = day
                revision = page.save_revision()
            revision.publish()
            page.refresh_from_db()
        pages.append(page)
        ensure_translated(
            page,
            {
                f"{year}年6·26国际禁毒日": f"June 26, {year}",
                slug: slug,
                theme_zh: theme_en,
                "无毒青春，健康生活": "Drug-free youth, healthy lives",
                "禁毒社工走进学校、社区、企业和公共场所，开展形式多样的宣传活动。": "Anti-drug social workers run events of every kind in schools, communities, workplaces and public places.",
                "国际禁毒日前后，全市各禁毒社工站集中开展“六进”宣传活动。": "Around June 26, every work station in the city takes prevention into the six settings.",
            },
        )
    return pages


def ensure_talk_request_page():
    home = HomePage.objects.filter(locale=default_locale(), depth=2).first()
    page = ensure_child(
        home,
        TalkRequestPage,
        "request-a-talk",
        title="预约禁毒讲座",
        intro="<p>学校可以在这里预约禁毒社工到校开展毒品预防讲座，服务免费。</p>",
    )
    ensure_translated(
        page,
        {
            "预约禁毒讲座": "Request a talk",
            "request-a-talk": "request-a-talk",
            "学校可以在这里预约禁毒社工到校开展毒品预防讲座，服务免费。": "Schools can ask here for an anti-drug social worker to give a free prevention talk.",
        },
    )
    return page


TEACHERS_CALLOUT = {
    "zh": {
        "title": "请禁毒社工到学校来",
        "text": "学校可以免费预约禁毒社工到校开展讲座、主题班会和体验活动，也可以与所在区的工作站签订校外辅导员协议。",
    },
    "en": {
        "title": "Invite a social worker to your school",
        "text": "Schools can book an anti-drug social worker for a free talk, class meeting or hands-on session, or sign an agreement with their district's station for an off-campus counsellor.",
    },
}


def point_teachers_to(talk_page):
    """The teachers' door (jindu's AudiencePage "teachers") ends with the way to the talk
    request form, in both languages."""
    portal = AudiencePage.objects.filter(slug="teachers", locale=default_locale()).first()
    if portal is None:
        return
    if not any(block.block_type == "help_callout" and block.value["page"] for block in portal.body):
        portal.body.append(
            ("help_callout", {**TEACHERS_CALLOUT["zh"], "phone": "", "page": talk_page})
        )
        portal.save_revision().publish()
    zh, en = TEACHERS_CALLOUT["zh"], TEACHERS_CALLOUT["en"]
    strings = {zh["title"]: en["title"], zh["text"]: en["text"], "teachers": "teachers"}
    for spec in PORTALS:
        if spec["slug"] == "teachers":
            strings.update(pairs(spec["zh"], spec["en"]))
    ensure_translated(portal, strings)


def load(command):
    rng = random.Random(626)
    today = timezone.localdate()
    ensure_campaign_permissions()
    campaigns = ensure_campaigns(today)
    materials = ensure_materials()
    ensure_events(rng, campaigns, today)
    ensure_attendance_and_stock(rng, materials)
    ensure_feedback(rng)
    ensure_todays_talk()
    ensure_events_page()
    last_year = ensure_last_year(rng, today)
    ensure_campaign_pages(campaigns["month"], last_year, today)
    talk_page = ensure_talk_request_page()
    # Every page leads to the form (the footer), and the teachers' door says it is there.
    ensure_site_settings(footer_links=[talk_page])
    point_teachers_to(talk_page)
