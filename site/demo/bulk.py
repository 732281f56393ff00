"""Many records written at once, by a command (the demo). Each save would otherwise index
the record for search, record its references in Wagtail's reference index and retire the
public pages that show it — and a page is saved several times on its way (created,
revised, translated, published). Inside ``saved_in_bulk()`` each record saved is indexed and
its references recorded once, at the end, and the kept pages are retired.

Settings and signal receivers are process-wide: this is for commands, not for requests,
which other threads may be serving at the same moment."""

import contextlib

from django.conf import settings
from django.db.models.signals import post_save
from django.test.utils import override_settings

from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from jindu.serving.invalidation import retire_everything


def without_auto_update(backends):
    """The search backends as configured, none updated on each save (Wagtail's documented
    ``AUTO_UPDATE`` option)."""
    return {name: {**options, "AUTO_UPDATE": False} for name, options in backends.items()}


@contextlib.contextmanager
def saved_in_bulk():
    saved = {}  # {(model, pk): None}: every record saved, once, in order

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = None

    post_save.connect(note, weak=False, dispatch_uid="jindu-saved-in-bulk")
    try:
        with (
            disable_reference_index_auto_update(),
            override_settings(
                WAGTAILSEARCH_BACKENDS=without_auto_update(settings.WAGTAILSEARCH_BACKENDS)
            ),
        ):
            yield
            post_save.disconnect(dispatch_uid="jindu-saved-in-bulk")
        _index(saved)
        retire_everything()
    finally:
        post_save.disconnect(dispatch_uid="jindu-saved-in-bulk")


def _index(saved):
    from wagtail.search import index

    by_model = {}
    for model, pk in saved:
        by_model.setdefault(model, []).append(pk)
    indexed = set(index.get_indexed_models())
    for model, pks in by_model.items():
        in_search = model in indexed
        references = ReferenceIndex.is_indexed(model)
        if not (in_search or references):
            continue
        for instance in model._default_manager.filter(pk__in=pks):
            if in_search:
                index.insert_or_update_object(instance)
            if references:
                ReferenceIndex.create_or_update_for_object(instance)
