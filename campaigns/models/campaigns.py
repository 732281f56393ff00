from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from jindu.pages.text import PlainTextFieldsMixin

from .choices import CampaignKind


class Campaign(PlainTextFieldsMixin, models.Model):
    """A named push (宣传活动): the June 26 campaign month, a monthly theme (月主题) or a
    project, with its goals. Events belong to campaigns; a campaign may sit in another
    (the June 26 day within the June campaign month)."""

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=CampaignKind.choices)
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    goal_events = models.PositiveIntegerField(_("goal: events"), default=0)
    goal_audience = models.PositiveIntegerField(_("goal: audience person-times"), default=0)
    goal_materials = models.PositiveIntegerField(_("goal: materials distributed"), default=0)
    description = models.TextField(_("description"), blank=True)

    plain_text_fields = ("name", "theme")
    text_fields = ("description",)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("theme"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("goal_events"),
                        FieldPanel("goal_audience"),
                        FieldPanel("goal_materials"),
                    ]
                )
            ],
            heading=_("Goals"),
        ),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign must end on or after its start.")})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A campaign cannot be part of itself.")})

    @classmethod
    def most_relevant(cls, today):
        """The campaign staff most likely mean today: a running one, else the one that
        started last; a whole campaign rather than a part of it (the June 26 month, not the
        day inside it). One entered ahead for next year does not take over before it starts."""
        started = cls.objects.filter(start_date__lte=today).order_by("-start_date")
        running = started.filter(end_date__gte=today)
        for candidates in (running.filter(parent=None), running, started.filter(parent=None)):
            campaign = candidates.first()
            if campaign is not None:
                return campaign
        return started.first() or cls.objects.order_by("start_date").first()

    def with_descendants(self):
        """This campaign and every campaign within it (two levels are all agencies use)."""
        ids = {self.pk}
        frontier = {self.pk}
        while frontier:
            frontier = (
                set(Campaign.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
                - ids
            )
            ids |= frontier
        return ids
