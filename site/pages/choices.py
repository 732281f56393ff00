"""The vocabularies every app shares, one source each: school levels and the audiences
counted at events and served by content. Students are named after their school level, so
a school's level is also the audience group its pupils are counted in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SchoolLevel(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    JUNIOR = "junior", _("Junior secondary")
    SENIOR = "senior", _("Senior secondary")
    VOCATIONAL = "vocational", _("Vocational")
    UNIVERSITY = "university", _("University")


class AudienceGroup(models.TextChoices):
    """Who an event reached (受众) or a page is written for."""

    PRIMARY = SchoolLevel.PRIMARY.value, _("Primary school students")
    JUNIOR = SchoolLevel.JUNIOR.value, _("Junior secondary students")
    SENIOR = SchoolLevel.SENIOR.value, _("Senior secondary students")
    VOCATIONAL = SchoolLevel.VOCATIONAL.value, _("Vocational students")
    UNIVERSITY = SchoolLevel.UNIVERSITY.value, _("University students")
    TEACHERS = "teachers", _("Teachers")
    PARENTS = "parents", _("Parents")
    RESIDENTS = "residents", _("Community residents")
    EMPLOYEES = "employees", _("Employees")
    OTHERS = "others", _("Others")


# Pupils of each school level.
STUDENT_GROUPS = [AudienceGroup(level) for level in SchoolLevel.values]
# What content can be written for: everyone but "others".
CONTENT_AUDIENCES = [
    (group.value, group.label) for group in AudienceGroup if group != AudienceGroup.OTHERS
]
