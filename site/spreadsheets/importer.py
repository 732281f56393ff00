"""Importing the lists agencies keep in spreadsheets (CSV in UTF-8 or GB18030/GBK, or XLSX),
in two steps that never lose a cell:

1. **check**: read the file, recognise its columns by the headings offices use (either
   language, spacing and punctuation ignored), and work out row by row what would be
   added, updated or left unchanged, and what is wrong with each bad row, by number;
2. **import**, once the person who uploaded it has seen that: check again (the database
   may have moved on) and write every good row in one transaction, so that a file is
   imported whole or not at all.

Only the columns the file has are written; an empty cell in one of them changes nothing
unless the uploader asked for empty cells to clear. Both steps run as background tasks
(jindu.spreadsheets.tasks) so that a large file never holds a request.

An app describes what it imports with an :class:`Importer` and offers it from its
``jindu_spreadsheet_importers`` hook."""

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.search.backends import get_search_backends

from jindu.spreadsheets.reading import UnreadableFile, read_table

logger = logging.getLogger(__name__)

HEADING_NOISE = re.compile(r"[\s*＊:：()（）\[\]【】_\-/.。]+")
# Problems listed row by row in the preview; the full list is in the downloadable report.
PROBLEMS_SHOWN = 200


def normalised_heading(text):
    return HEADING_NOISE.sub("", force_str(text or "")).lower()


@dataclass(frozen=True)
class Column:
    """A column an importer knows: ``name`` is the model field it writes."""

    name: str
    label: object
    headings: tuple = ()
    key: bool = False  # identifies the record: the file must have it, every row must fill it
    needed_for_new: bool = False  # a new record cannot be made without it


class Importer:
    """What one kind of record needs to come in from a spreadsheet. Subclasses set the
    attributes and may define ``parse_<column>(text, lookups)`` returning the field's value
    or raising ValidationError with a message for the uploader."""

    kind = ""  # in URLs
    model = None
    label = ""  # plural, for headings: "schools"
    permission = ""
    columns = ()
    # {"zh": rows, "en": rows}: example rows in column order for the sample file, naming
    # the demo's stations and schools.
    sample_rows = {}

    def may_import(self, user):
        return user.has_perm(self.permission)

    def lookups(self, user):
        """Whatever parsing the rows needs, read once (districts by name, …)."""
        return {}

    def existing(self, user, lookups):
        """{key: instance} of the records a row may update."""
        raise NotImplementedError

    def key_of(self, values):
        return tuple(_comparable(values[c.name]) for c in self.columns if c.key)

    def parse(self, column, text, lookups):
        parser = getattr(self, f"parse_{column.name}", None)
        return parser(text, lookups) if parser else text

    def cleared(self, column):
        """The value an empty cell gives when empty cells clear the field."""
        model_field = self.model._meta.get_field(column.name)
        return model_field.get_default()

    # Fields that ``prepare`` may set from others (an event's district from its school).
    derived_fields = ()

    def build(self, values, lookups):
        return self.model(**values)

    def prepare(self, instance):
        """Whatever saving the record would do to it (bulk writes do not call save)."""

    def written(self, created, updated):
        """After the rows are written (bulk writes send no signals): the search index.
        Public pages that show such records (events) are kept only briefly
        (jindu.serving.headers.LiveFiguresMixin), so nothing is purged."""
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(self.model, [*created, *updated])

    @property
    def unchecked_fields(self):
        """Relations, resolved from lookups: validating them again would cost a query a row."""
        return [f.name for f in self.model._meta.get_fields() if f.is_relation]

    def headings_map(self):
        """Every heading a column goes by: its field name, its label in every language of
        the site (a sample file downloaded in English imports for a Chinese reader) and the
        headings offices use."""
        mapping = {}
        for column in self.columns:
            labels = []
            for code, _name in settings.LANGUAGES:
                with translation.override(code):
                    labels.append(force_str(column.label))
            for heading in (column.name, *labels, *column.headings):
                mapping[normalised_heading(heading)] = column
        return mapping


@dataclass
class Row:
    number: int
    outcome: str  # created, updated, unchanged or problem
    instance: object = None
    changed: tuple = ()
    problem: str = ""


@dataclass
class Check:
    recognised: list  # [(heading as in the file, label)]
    unrecognised: list  # [heading]
    rows: list = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for row in self.rows if row.outcome == outcome)

    @property
    def problems(self):
        return [(row.number, row.problem) for row in self.rows if row.outcome == "problem"]

    def as_outcome(self):
        return {
            "recognised": [[heading, force_str(label)] for heading, label in self.recognised],
            "unrecognised": self.unrecognised,
            "counts": {
                outcome: self.count(outcome)
                for outcome in ("created", "updated", "unchanged", "problem")
            },
            "problems": [[number, problem] for number, problem in self.problems],
        }


def importers():
    found = {}
    for hook in hooks.get_hooks("jindu_spreadsheet_importers"):
        for importer in hook():
            found[importer.kind] = importer
    return found


def importer_for(kind):
    return importers().get(kind)


def _comparable(value):
    return value.pk if hasattr(value, "pk") else value


# Checking


def check(importer, user, name, content, empty_cells_clear=False, progress=None):
    """What importing the file would do, row by row; raises UnreadableFile."""
    headings, rows = read_table(name, content)
    mapping = importer.headings_map()
    positions, recognised, unrecognised = {}, [], []
    for position, heading in enumerate(headings):
        column = mapping.get(normalised_heading(heading))
        if column is None or column.name in positions:
            if heading:
                unrecognised.append(heading)
            continue
        positions[column.name] = position
        recognised.append((heading, column.label))
    missing = [force_str(c.label) for c in importer.columns if c.key and c.name not in positions]
    if missing:
        raise UnreadableFile(
            _("The first row must name the columns; none was recognised for: %(columns)s.")
            % {"columns": "、".join(missing)}
        )
    present = [c for c in importer.columns if c.name in positions]
    lookups = importer.lookups(user)
    existing = importer.existing(user, lookups)
    result = Check(recognised, unrecognised)
    first_row_of = {}
    for done, (number, cells) in enumerate(rows, start=1):
        record = {c.name: _cell(cells, positions[c.name]) for c in present}
        if any(record.values()):
            result.rows.append(
                _check_row(
                    importer,
                    number,
                    record,
                    present,
                    lookups,
                    existing,
                    first_row_of,
                    empty_cells_clear,
                )
            )
        if progress and done % 1000 == 0:
            progress(done, len(rows))
    return result


def _cell(cells, position):
    return cells[position] if position < len(cells) else ""


def _check_row(
    importer, number, record, present, lookups, existing, first_row_of, empty_cells_clear
):
    values, problems = {}, []
    for column in present:
        text = record[column.name]
        if not text:
            if column.key:
                problems.append(_("%(column)s is empty.") % {"column": column.label})
            elif empty_cells_clear:
                values[column.name] = importer.cleared(column)
            continue
        try:
            values[column.name] = importer.parse(column, text, lookups)
        except ValidationError as error:
            problems.append(f"{column.label}: {' '.join(error.messages)}")
    if problems:
        return Row(number, "problem", problem=" ".join(problems))
    key = importer.key_of(values)
    if key in first_row_of:
        return Row(
            number,
            "problem",
            problem=_("The same %(record)s as row %(row)s.")
            % {"record": importer.model._meta.verbose_name, "row": first_row_of[key]},
        )
    first_row_of[key] = number
    instance = existing.get(key)
    if instance is None:
        needed = [
            force_str(c.label)
            for c in importer.columns
            if (c.needed_for_new or c.key) and c.name not in values
        ]
        if needed:
            return Row(
                number,
                "problem",
                problem=_("A new %(record)s needs: %(columns)s.")
                % {"record": importer.model._meta.verbose_name, "columns": "、".join(needed)},
            )
        instance, before = importer.build(values, lookups), None
    else:
        before = {name: _stored(instance, name) for name in (*values, *importer.derived_fields)}
        for name, value in values.items():
            setattr(instance, name, value)
    importer.prepare(instance)
    # What saving would do to the text (bulk writes do not call save).
    if hasattr(instance, "clean_text_fields"):
        instance.clean_text_fields()
    if before is None:
        outcome, changed = "created", tuple(values)
    else:
        changed = tuple(name for name in before if _stored(instance, name) != before[name])
        outcome = "updated" if changed else "unchanged"
    if outcome != "unchanged":
        try:
            instance.full_clean(
                exclude=importer.unchecked_fields, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            return Row(number, "problem", problem=_validation_text(importer.model, error))
    return Row(number, outcome, instance, changed)


def _stored(instance, name):
    """A field's value as stored: a relation's id, so that comparing costs no query."""
    field = instance._meta.get_field(name)
    return getattr(instance, field.attname)


def _validation_text(model, error):
    parts = []
    for name, messages in error.message_dict.items():
        if name == "__all__":
            parts.append(" ".join(messages))
        else:
            label = model._meta.get_field(name).verbose_name
            parts.append(f"{label}: {' '.join(messages)}")
    return " ".join(parts)


# Writing


def write(importer, result):
    """Write every good row of a check, in one transaction."""
    created = [row.instance for row in result.rows if row.outcome == "created"]
    updated = [row.instance for row in result.rows if row.outcome == "updated"]
    changed_fields = sorted(
        {name for row in result.rows if row.outcome == "updated" for name in row.changed}
    )
    with transaction.atomic():
        importer.model.objects.bulk_create(created, batch_size=500)
        if updated:
            importer.model.objects.bulk_update(updated, changed_fields, batch_size=500)
        importer.written(created, updated)


def summary(counts):
    return _(
        "%(created)s added, %(updated)s updated, %(unchanged)s unchanged, %(problem)s rows with problems"
    ) % {key: counts.get(key, 0) for key in ("created", "updated", "unchanged", "problem")}
