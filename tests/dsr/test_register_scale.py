"""How the register list copes with a large register. Opt-in (it inserts many rows):
KEYWORKING_SCALE_ROWS=100000 pytest tests/dsr/test_register_scale.py -s

Measured figures go in the report; the assertion is a generous ceiling, not a benchmark."""

import os
import time

import pytest
from django.db import connection

from dsr.register_list import RegisterFilters, register_page
from tests.factories import area

ROWS = int(os.environ.get("KEYWORKING_SCALE_ROWS", "0"))
pytestmark = pytest.mark.skipif(not ROWS, reason="set KEYWORKING_SCALE_ROWS to measure")


def _fill(area_id: int, rows: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO dsr_person (area_id, given_name, family_name, preferred_name, date_of_birth, ethnicity,
                address, postcode, diagnosis, has_ehc_plan, looked_after, adopted, residential_care,
                education_setting, created_at, updated_at, version)
            SELECT %s, 'Given' || n, 'Family' || lpad(n::text, 6, '0'), '', DATE '2005-01-01' + (n %% 7000),
                   '', '', '', 'autism', false, false, false, false, '', now(), now(), 1
              FROM generate_series(1, %s) AS n
            """,
            [area_id, rows],
        )
        cursor.execute(
            """
            INSERT INTO dsr_registerentry (area_id, person_id, register, status, status_changed_at, added_on,
                removal_reason, removal_detail, flagged_for_removal, current_issues, tried, could_help,
                action_plan, current_rating, next_review_due, created_at, updated_at, version)
            SELECT area_id, id, 'children', 'active', now(), CURRENT_DATE, '', '', false, '', '', '', '',
                   (ARRAY['red','amber','green','blue'])[1 + id %% 4], CURRENT_DATE + (id %% 60)::int, now(), now(), 1
              FROM dsr_person WHERE area_id = %s
            """,
            [area_id],
        )
        cursor.execute("ANALYZE dsr_person; ANALYZE dsr_registerentry")


def _timed(filters, **kwargs):
    started = time.monotonic()
    page = register_page(filters, **kwargs)
    return page, time.monotonic() - started


def _explain(filters) -> str:
    from dsr.register_list import _keys, _order, annotated_entries, filter_entries

    query = filter_entries(annotated_entries(), filters).order_by(*_order(_keys(filters.sort), forward=True))[:51]
    return query.explain(analyze=True)


def test_a_page_costs_little_however_large_the_register():
    thurrock = area("thurrock").id
    started = time.monotonic()
    _fill(thurrock, ROWS)
    print(f"\nfilled in {time.monotonic() - started:.0f} s")  # noqa: T201
    if os.environ.get("KEYWORKING_SCALE_EXPLAIN"):
        print(_explain(RegisterFilters(area_ids=[thurrock])))  # noqa: T201
    filters = RegisterFilters(area_ids=[thurrock])
    first, first_time = _timed(filters, size=50)
    deep, deep_time = _timed(filters, cursor=first.next_cursor, size=50)
    for _ in range(20):  # walk on: each page costs the same as the second
        deep, deep_time = _timed(filters, cursor=deep.next_cursor, size=50)
    _, rated_time = _timed(RegisterFilters(area_ids=[thurrock], ratings=["red"], sort="review"), size=50)
    searched, search_time = _timed(RegisterFilters(area_ids=[thurrock], query="Famly012345"), size=50)
    _, overdue_time = _timed(RegisterFilters(area_ids=[thurrock], consent_due=True, sort="rating"), size=50)
    print(  # noqa: T201 - the figures for the report
        f"\n{ROWS:,} entries: first page {first_time * 1000:.0f} ms, 22nd page {deep_time * 1000:.0f} ms, "
        f"red by review date {rated_time * 1000:.0f} ms, typo search {search_time * 1000:.0f} ms "
        f"({len(searched.rows)} found), consent due by rating {overdue_time * 1000:.0f} ms"
    )
    assert first.total_capped
    assert max(first_time, deep_time, rated_time, search_time, overdue_time) < 2.0
