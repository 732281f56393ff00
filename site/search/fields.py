"""Search fields whose text is split into words before it is indexed (jindu.search.words):
what every model's ``search_fields`` use through ``segmented``."""

from wagtail.search import index

from jindu.search.words import segment_for_index


def _segment_value(value):
    if isinstance(value, str):
        return segment_for_index(value)
    if isinstance(value, (list, tuple)):
        return [_segment_value(item) for item in value]
    return value


class SegmentedSearchField(index.SearchField):
    """A SearchField whose text is segmented before the backend indexes it. It keeps the
    field name, so the backends' title boost still applies."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if value is not None and not isinstance(value, (str, list, tuple)):
            value = str(value)
        return _segment_value(value)


class SegmentedAutocompleteField(index.AutocompleteField):
    """An AutocompleteField segmented like SegmentedSearchField: admin choosers search as
    you type with autocomplete, and a query like 禁毒主题班会 arrives as three words."""

    def get_value(self, obj):
        value = super().get_value(obj)
        if value is not None and not isinstance(value, (str, list, tuple)):
            value = str(value)
        return _segment_value(value)


def segmented(search_fields):
    """Replace the plain SearchFields and AutocompleteFields of a model's search_fields with
    segmented ones."""
    replacements = {
        index.SearchField: SegmentedSearchField,
        index.AutocompleteField: SegmentedAutocompleteField,
    }
    result = []
    for field in search_fields:
        replacement = replacements.get(type(field))
        if replacement is not None:
            field = replacement(field.field_name, **field.kwargs)
        result.append(field)
    return result
