-- quiquoi event store, schema version 1 (see docs/store.md).
-- Plain typed columns everywhere a query filters (codes, dates, types): no JSON is parsed
-- at query time. Mentions carry their full coding so that an event can be re-derived from
-- its remaining mentions when an article is replaced or recoded.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    article_id    VARCHAR PRIMARY KEY,   -- the input's id (file name, JSONL "id")
    content_hash  VARCHAR NOT NULL,      -- sha1 of the text and the publication date
    input         VARCHAR,               -- file (and line) it came from
    title         VARCHAR,
    heading       VARCHAR,
    url           VARCHAR,
    source        VARCHAR,
    published     DATE,
    language      VARCHAR,
    -- DuckDB leaves strings this long uncompressed unless told: zstd makes the column
    -- 4x smaller (0.8 KB an article instead of 3.4 KB), at ~50 ms for a single-article read
    text          VARCHAR USING COMPRESSION zstd NOT NULL,
    dateline      VARCHAR,               -- dateline place as written
    dateline_country VARCHAR,
    n_events      INTEGER,
    n_quotes      INTEGER,
    coded_at      TIMESTAMP,
    coder_version VARCHAR
);

-- one row per deduplicated event: the coding of its best mention + counts
CREATE TABLE IF NOT EXISTS events (
    event_id        BIGINT NOT NULL,
    day             DATE,                -- first day of the event's date period (for ranges)
    date            VARCHAR,             -- as resolved: 2016-05-23, 2016-W20, 2016-02, 2016
    date_precision  VARCHAR,             -- day | week | month | year | reported
    type            VARCHAR,             -- PLOVER type
    mode            VARCHAR,
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    quad_class      TINYINT,             -- 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein       DOUBLE,
    source_code     VARCHAR,
    source_name     VARCHAR,
    source_country  VARCHAR,
    source_role     VARCHAR,
    target_code     VARCHAR,
    target_name     VARCHAR,
    target_country  VARCHAR,
    target_role     VARCHAR,
    place_name      VARCHAR,
    place_country   VARCHAR,
    place_lat       DOUBLE,
    place_lon       DOUBLE,
    place_text      VARCHAR,             -- the place as written
    place_feature   VARCHAR,             -- city | region | country | site
    place_admin1    VARCHAR,             -- first-level region's name
    place_geonames_id BIGINT,
    modality        VARCHAR,
    negated         BOOLEAN,
    confidence      TINYINT,
    n_mentions      INTEGER,
    n_articles      INTEGER,
    first_seen      DATE,                -- earliest publication date among its articles
    last_seen       DATE,
    best_mention_id BIGINT,
    article_id      VARCHAR,             -- the best mention's article
    match_key       BIGINT               -- hash of what must be equal for two mentions to merge
);

CREATE TABLE IF NOT EXISTS mentions (
    mention_id      BIGINT NOT NULL,
    event_id        BIGINT NOT NULL,
    article_id      VARCHAR NOT NULL,
    published       DATE,
    sentence        INTEGER,
    paragraph       INTEGER,
    sentence_start  INTEGER,             -- the sentence's character span in the article text
    sentence_end    INTEGER,
    -- the sentence itself too: list pages show it without reading (and decompressing)
    -- whole article texts
    sentence_text   VARCHAR USING COMPRESSION zstd,
    trigger_text    VARCHAR,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    source_text     VARCHAR,
    source_start    INTEGER,
    source_end      INTEGER,
    target_text     VARCHAR,
    target_start    INTEGER,
    target_end      INTEGER,
    date_text       VARCHAR,
    -- the mention's own coding (the event shows its best mention's)
    day             DATE,
    date            VARCHAR,
    date_precision  VARCHAR,
    type            VARCHAR,
    mode            VARCHAR,
    cameo           VARCHAR,
    cameo_root      VARCHAR,
    quad_class      TINYINT,
    goldstein       DOUBLE,
    source_code     VARCHAR,
    source_name     VARCHAR,
    source_country  VARCHAR,
    source_role     VARCHAR,
    target_code     VARCHAR,
    target_name     VARCHAR,
    target_country  VARCHAR,
    target_role     VARCHAR,
    place_name      VARCHAR,
    place_country   VARCHAR,
    place_lat       DOUBLE,
    place_lon       DOUBLE,
    place_text      VARCHAR,             -- the place as written
    place_feature   VARCHAR,             -- city | region | country | site
    place_admin1    VARCHAR,             -- first-level region's name
    place_geonames_id BIGINT,
    modality        VARCHAR,
    negated         BOOLEAN,
    confidence      TINYINT,
    match_key       BIGINT
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id        BIGINT NOT NULL,
    article_id      VARCHAR NOT NULL,
    published       DATE,
    sentence        INTEGER,
    start           INTEGER,
    "end"           INTEGER,
    text            VARCHAR,
    kind            VARCHAR,             -- direct | partial | indirect
    speaker_text    VARCHAR,
    speaker_code    VARCHAR,
    speaker_name    VARCHAR,
    speaker_country VARCHAR,
    speaker_role    VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    verb            VARCHAR,
    channel         VARCHAR,
    about_codes     VARCHAR[],
    about_names     VARCHAR[]
);

CREATE TABLE IF NOT EXISTS article_actors (
    article_id  VARCHAR NOT NULL,
    position    INTEGER,                 -- order of first mention in the article
    code        VARCHAR,
    name        VARCHAR,
    country     VARCHAR,
    role        VARCHAR,
    kind        VARCHAR,
    text        VARCHAR,
    start       INTEGER,
    "end"       INTEGER
);

CREATE TABLE IF NOT EXISTS failures (
    input   VARCHAR,
    reason  VARCHAR,
    "at"    TIMESTAMP
);

-- re-deriving an event reads its mentions: an index keeps that a lookup, not a scan of
-- every mention, as the store grows (literal IN lists of event ids use it)
CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id);
