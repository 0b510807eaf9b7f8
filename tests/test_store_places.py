"""The store keeps each event's place in full (as written, feature, region, GeoNames id),
and an older store gains those columns when opened for writing."""
from datetime import date

import duckdb

import quiquoi
from quiquoi.ingest.readers import read_inputs
from quiquoi.store.connection import SCHEMA_VERSION

from conftest import SEED

PUB = date(2016, 5, 24)
PLACE_COLUMNS = ("place_text", "place_feature", "place_admin1", "place_geonames_id")


def test_event_places_are_stored_in_full(tmp_path, coder):
    path = tmp_path / "q.duckdb"
    with quiquoi.open(path) as st:
        st.ingest(read_inputs([str(SEED)], PUB), coder=coder)
        rows = st.sql("SELECT place_text, place_name, place_country, place_feature, place_admin1, "
                      "place_geonames_id FROM events WHERE place_text = 'capitale autrichienne' "
                      "OR place_name = 'Vienna'")
        assert not rows.empty
        vienna = rows.iloc[0]
        assert (vienna.place_name, vienna.place_country, vienna.place_feature) == ("Vienna", "AUT", "city")
        assert vienna.place_admin1 == "Vienna" and vienna.place_geonames_id == 2761369
        # the mention keeps the same, its event shows its best mention's
        m = st.sql("SELECT count(*) n FROM mentions WHERE place_geonames_id = 2761369").n[0]
        assert m >= 1


def test_an_older_store_is_migrated_when_opened_for_writing(tmp_path, coder):
    path = tmp_path / "old.duckdb"
    with quiquoi.open(path) as st:
        st.ingest(read_inputs([str(SEED)], PUB), coder=coder)
    # make it look like a store of schema version 1, before these columns existed
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX mentions_event")
    for table in ("events", "mentions"):
        for column in PLACE_COLUMNS:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with quiquoi.open(path) as st:
        cols = set(st.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").column_name)
        assert set(PLACE_COLUMNS) <= cols
        version = st.sql("SELECT value FROM meta WHERE key = 'schema_version'").value[0]
        assert int(version) == SCHEMA_VERSION == 2
        assert st.count_events() > 0          # nothing lost on the way
        assert not st.sql("SELECT index_name FROM duckdb_indexes() WHERE index_name = 'mentions_event'").empty
