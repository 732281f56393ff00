"""The schools app's records: districts and stations, counsellors, schools, agreements, and
the public station directory."""

from .agreements import (
    MAX_SESSIONS_PER_TERM,
    RENEWAL_WINDOW_DAYS,
    AgreementQuerySet,
    AgreementRole,
    AgreementStatus,
    CounsellorAgreement,
)
from .counsellors import Counsellor, CounsellorRole
from .pages import StationDirectoryPage
from .schools import MAX_ENROLMENT, School
from .stations import District, Station, StationMembership, default_locale_only, localized

__all__ = [
    "MAX_ENROLMENT",
    "MAX_SESSIONS_PER_TERM",
    "RENEWAL_WINDOW_DAYS",
    "AgreementQuerySet",
    "AgreementRole",
    "AgreementStatus",
    "Counsellor",
    "CounsellorAgreement",
    "CounsellorRole",
    "District",
    "School",
    "Station",
    "StationDirectoryPage",
    "StationMembership",
    "default_locale_only",
    "localized",
]
