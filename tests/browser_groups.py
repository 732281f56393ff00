"""How `make test` splits the tests of the real site between its two processes
(`-n 2 --dist loadgroup`), which share one site (browser_site.shared_site).

The checks that change nothing (every page type in both languages, every admin menu entry as
each role) run in one process. Every test that changes what the site holds (journeys,
imports, publishing, the figures of test_serving, the feedback of this morning's talk) runs
in the other, in the order of the files, together with the tests that read all of it at once
(every page reachable), so none of those runs beside a change and the ones that build on an
earlier test's change (the feedback report after the pupil's answers) find it made.

pytest-xdist's own `xdist_group` marks cannot carry this on pytest 9: xdist 3.8 appends the
group to `item._nodeid`, which pytest 9 no longer reads, so every test was dealt out on its
own and the feedback tests once ran side by side in CI. The groups are therefore made by the
scheduler, through xdist's public hook `pytest_xdist_make_scheduler`; `_split_scope` is the
one method of xdist's scope scheduler overridden (its `LoadGroupScheduling` does the same),
and check_one_group_per_process fails the run if a process is ever given tests of both."""

import pytest
from xdist.scheduler import LoadScopeScheduling

READ_ONLY = ("test_browser_accessibility.py", "test_every_menu_entry_and_listing_opens")
GROUPS_SEEN = pytest.StashKey()


def group_of(nodeid):
    return "page-checks" if any(part in nodeid for part in READ_ONLY) else "changes"


class TwoGroups(LoadScopeScheduling):
    """xdist's scope scheduling (each scope whole to one process, its tests in order), with
    the two groups above as the scopes."""

    def _split_scope(self, nodeid):
        return group_of(nodeid)


def check_one_group_per_process(item):
    config = item.config
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    if workers < 2 or not config.getvalue("loadgroup"):
        return
    seen = config.stash.setdefault(GROUPS_SEEN, set())
    seen.add(group_of(item.nodeid))
    if len(seen) > 1:
        pytest.fail(
            "this test process was given tests of both groups (tests/browser_groups.py): "
            "pytest-xdist's scheduling has changed",
            pytrace=False,
        )
