from .articles import ArticlePage, ArticlePageTag, SectionPage
from .drugs import DrugCategory, DrugFactPage, DrugIndexPage
from .home import HomePage
from .images import JinduImage, JinduRendition
from .imports import SpreadsheetImport
from .portals import AudiencePage
from .quiz import QuizPage
from .resources import Resource, ResourceLibraryPage, ResourceType
from .search_words import SearchSynonym
from .site_settings import SiteSettings
from .taxonomy import Audience

__all__ = [
    "ArticlePage",
    "ArticlePageTag",
    "Audience",
    "AudiencePage",
    "DrugCategory",
    "DrugFactPage",
    "DrugIndexPage",
    "HomePage",
    "JinduImage",
    "JinduRendition",
    "QuizPage",
    "Resource",
    "ResourceLibraryPage",
    "ResourceType",
    "SearchSynonym",
    "SectionPage",
    "SiteSettings",
    "SpreadsheetImport",
]
