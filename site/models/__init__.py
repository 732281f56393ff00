from .articles import ArticlePage, ArticlePageTag
from .audiences import AudiencePage
from .drugs import DrugCategory, DrugFactPage, DrugIndexPage
from .home import HomePage
from .images import JinduImage, JinduRendition
from .imports import SpreadsheetImport
from .quiz import QuizPage
from .resources import Resource, ResourceLibraryPage, ResourceType
from .sections import SectionPage
from .site_settings import SiteSettings
from .synonyms import SearchSynonym
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
