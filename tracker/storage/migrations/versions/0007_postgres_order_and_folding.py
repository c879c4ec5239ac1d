"""PostgreSQL answers as SQLite does: text in code-point order, unknown counts first, and
search blind to Latin diacritics.

Three things made the same services answer differently on a server than in a file:

- Text order. SQLite compares text by code point (its BINARY collation), as Python does;
  PostgreSQL by the database's collation, which on most servers is a language's (en_US:
  "a" < "B" < "b", punctuation ignored). Every text column gets COLLATE "C", code-point
  order in UTF-8, so ORDER BY, the keyset ranges of the Events view and min() agree with
  SQLite whatever the server's locale. Equality is unchanged (both compare bytes).
- NULL order. Unknown counts sort first ascending on both databases now (NULLS FIRST,
  see services/event_index.ordered); PostgreSQL serves that from an index only if the
  index is built that way. So each Events-view sort index is rebuilt, under its name, as
  (column [NULLS FIRST], event_date, id): SQLite appends the rowid to every index, which
  makes (column, event_date) total; PostgreSQL appends nothing, so the id is spelt out.
- Diacritics. The FTS5 index (0001: unicode61 remove_diacritics 2) folds case and strips
  Latin diacritics, so "kyiv" finds "Kyïv" and "dnipro" finds "Dnipró"; the tsvector of
  0006 only folded case. ``tracker_search_fold(text)`` maps exactly the characters the
  FTS5 tokenizer maps (read out of it, below) and drops the combining accents it drops;
  the ``search`` column and every query (services/events.py) go through it.
  Not the unaccent extension: it folds more than SQLite (ß to ss, ł to l, æ to ae, ё to
  е), so the two databases would find different events for one query, and creating an
  extension needs the CREATE privilege on the database, which a team server's account
  may not have. Other scripts (Cyrillic: ї, й stay themselves) are folded in case only,
  as FTS5 does.

SQLite files are not touched. Tables added by later revisions declare their own
collation if they sort text.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import text

from tracker.storage.day_counts import drop_postgres_ddl, postgres_ddl

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

FOLD_FUNCTION = "tracker_search_fold"
# What FTS5's unicode61 tokenizer (remove_diacritics 2) turns each character into, read
# out of SQLite 3.40: each character of FOLDED becomes the letter at its place in BASES,
# and the combining accents of DROPPED are removed. tests/services/events/test_search_folding.py
# checks the table against the SQLite the tests run with.
FOLDED = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜ"
    "ĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽ"
    "žſƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰ"
    "ȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌ"
    "ṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẛẠạ"
    "ẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰự"
    "ỲỳỴỵỶỷỸỹÅ"
)
BASES = (
    "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeeg"
    "ggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzz"
    "zsoouuaaiioouuuuuuuuuuaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooo"
    "oyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnno"
    "ooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwysaa"
    "aaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuu"
    "yyyyyyyya"
)
DROPPED = ("\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b\u030c"
           "\u030f\u0311\u031b\u0323\u0324\u0325\u0326\u0327\u0328\u032d\u032e\u0330"
           "\u0331")

_PLACE = ("location", "admin1", "admin2")
_OTHER = ("summary", "actor1", "actor2", "event_type", "sub_event_type")
# The Events view's sort indexes (services/event_index.sort_keys), as 0002 made them and
# as this revision makes them on PostgreSQL.
_SORTED = {
    "ix_battlefield_event_type_date": "event_type",
    "ix_battlefield_event_admin1_date": "admin1",
    "ix_battlefield_event_location_date": "location",
    "ix_battlefield_event_target_date": "target_category",
    "ix_battlefield_event_sub_type_date": "sub_event_type",
    "ix_battlefield_event_actor1_date": "actor1",
    "ix_battlefield_event_fatalities_date": "fatalities",
    "ix_battlefield_event_injuries_date": "injuries",
}
_NULLABLE = ("fatalities", "injuries")


def _search_column(fold: bool) -> str:
    def weighted(columns: tuple[str, ...], weight: str) -> str:
        def folded(name: str) -> str:
            value = f"coalesce({name}, '')"
            return f"{FOLD_FUNCTION}({value})" if fold else value

        return " || ".join(f"setweight(to_tsvector('simple'::regconfig, {folded(name)}), "
                           f"'{weight}')" for name in columns)

    return (f"ALTER TABLE battlefield_event ADD COLUMN search tsvector GENERATED ALWAYS AS "
            f"({weighted(_PLACE, 'A')} || {weighted(_OTHER, 'B')}) STORED")


def _text_columns() -> list[tuple[str, str, str]]:
    """(table, column, type) of every text column of the schema's tables."""
    rows = op.get_bind().execute(text(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
        "AND c.relname <> 'alembic_version' AND a.attnum > 0 AND NOT a.attisdropped "
        "AND a.atttypid IN ('text'::regtype, 'varchar'::regtype) "
        "ORDER BY c.relname, a.attnum"))
    return [(table, column, sql_type) for table, column, sql_type in rows]


def _rebuild(*, code_points: bool) -> None:
    """Drop what depends on the text columns, set their collation, build it all again.

    A generated column and a trigger's UPDATE OF list pin a column's type, so the search
    column and the day-count triggers go first; the sort indexes go too, so that they are
    built once, in their new form, rather than rebuilt by the ALTER and then replaced.
    """
    op.execute("ALTER TABLE battlefield_event DROP COLUMN search")  # and its GIN index
    for sql in drop_postgres_ddl():
        op.execute(sql)
    for name in _SORTED:
        op.execute(f"DROP INDEX {name}")
    collation = '"C"' if code_points else '"default"'
    # One ALTER TABLE per table: each rewrites the table and rebuilds its indexes once,
    # where one per column would do it for every column (dataset and external_id share
    # the events' unique index, over what may be millions of rows).
    changes: dict[str, list[str]] = {}
    for table, column, sql_type in _text_columns():
        changes.setdefault(table, []).append(
            f'ALTER COLUMN "{column}" TYPE {sql_type} COLLATE {collation}')
    for table, clauses in changes.items():
        op.execute(f'ALTER TABLE "{table}" {", ".join(clauses)}')
    for name, column in _SORTED.items():
        if code_points:
            first = f"{column} NULLS FIRST" if column in _NULLABLE else column
            op.execute(f"CREATE INDEX {name} ON battlefield_event ({first}, event_date, id)")
        else:
            op.execute(f"CREATE INDEX {name} ON battlefield_event ({column}, event_date)")
    op.execute(_search_column(fold=code_points))
    op.execute("CREATE INDEX ix_battlefield_event_search ON battlefield_event "
               "USING gin (search)")
    for sql in postgres_ddl(by_status=False):  # 0013 counts by record_status
        op.execute(sql)


def _fold_function() -> str:
    """tracker_search_fold: plain ASCII returned as it is, at once; otherwise translate()
    per Unicode block the text has characters of.

    translate() compares each character of the text with every character of its second
    argument, so one call with the whole table costs 120 µs for a 60-character summary
    (minutes over a million events); a block's share of it, only where the text has that
    block, keeps the common case (ASCII, Cyrillic) at a few microseconds. Immutable, as a
    generated column's expression must be; translate() deletes the characters of its
    second argument that have no counterpart in the third (the combining accents).
    """
    folded, bases = "".join(FOLDED), "".join(BASES)
    assert len(folded) == len(bases) and "'" not in folded + bases + DROPPED
    steps = []
    for first, last in _BLOCKS:
        pairs = [(c, b) for c, b in zip(folded, bases, strict=True) if first <= c <= last]
        steps.append((f"[{first}-{last}]", "".join(c for c, _ in pairs),
                      "".join(b for _, b in pairs)))
    rest = [(c, b) for c, b in zip(folded, bases, strict=True)
            if not any(first <= c <= last for first, last in _BLOCKS)]
    others = "".join(c for c, _ in rest)
    steps.append((f"[{others}{DROPPED}]", others + DROPPED, "".join(b for _, b in rest)))
    body = " ".join(f"IF value ~ '{pattern}' THEN value := translate(value, '{source}', "
                    f"'{target}'); END IF;" for pattern, source, target in steps)
    return (f"CREATE FUNCTION {FOLD_FUNCTION}(value text) RETURNS text LANGUAGE plpgsql "
            "IMMUTABLE STRICT PARALLEL SAFE AS $$ BEGIN "
            "IF octet_length(value) = length(value) THEN RETURN value; END IF; "
            f"{body} RETURN value; END $$")


# Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional.
_BLOCKS = (("\u00c0", "\u00ff"), ("\u0100", "\u017f"), ("\u0180", "\u024f"),
           ("\u1e00", "\u1eff"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_fold_function())
    _rebuild(code_points=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _rebuild(code_points=False)
    op.execute(f"DROP FUNCTION {FOLD_FUNCTION}(text)")
