"""Many records written at once, by a command (the demo). Each save would otherwise index
the record for search, record its references in Wagtail's reference index and retire the
public pages that show it — and a page is saved several times on its way (created,
revised, translated, published). Inside ``saved_in_bulk()`` each record saved is indexed and
its references recorded once, at the end, and the whole site's kept pages are retired once.

Signal receivers are process-wide: this is for commands, not for requests, which other
threads may be serving at the same moment."""

import contextlib

from django.db.models.signals import post_save

from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from jindu.caching import retirement_held


@contextlib.contextmanager
def saved_in_bulk():
    saved = {}  # {(model, pk): None}: every record saved, once, in order

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = None

    # modelsearch indexes on each save through one receiver per indexed model; a model
    # whose receiver is not found (a later release wiring it otherwise) is indexed on
    # each save as before, and tests/test_bulk.py says so.
    paused = [
        model
        for model in index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    post_save.connect(note, weak=False, dispatch_uid="jindu-saved-in-bulk")
    try:
        with disable_reference_index_auto_update(), retirement_held():
            yield
            post_save.disconnect(dispatch_uid="jindu-saved-in-bulk")
            _index(saved, set(paused))
    finally:
        post_save.disconnect(dispatch_uid="jindu-saved-in-bulk")
        for model in paused:
            post_save.connect(post_save_signal_handler, sender=model)


def _index(saved, search_indexed):
    by_model = {}
    for model, pk in saved:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        in_search = model in search_indexed
        references = ReferenceIndex.is_indexed(model)
        if not (in_search or references):
            continue
        for instance in model._default_manager.filter(pk__in=pks):
            if in_search:
                index.insert_or_update_object(instance)
            if references:
                ReferenceIndex.create_or_update_for_object(instance)
