from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        from campaigns.models import Attendance, Campaign, Event, StockMovement
        from campaigns.reports import invalidate_figures

        for model in (Event, Attendance, StockMovement, Campaign):
            post_save.connect(
                invalidate_figures, sender=model, dispatch_uid=f"figures-save-{model.__name__}"
            )
            post_delete.connect(
                invalidate_figures, sender=model, dispatch_uid=f"figures-delete-{model.__name__}"
            )
        m2m_changed.connect(
            invalidate_figures, sender=Event.counsellors.through, dispatch_uid="figures-m2m"
        )
