-- Per-column statistics of each cycle's row comparison (datacompy's column summary): for each table mapping, how many
-- keys had a row on both sides whose columns were compared and reported (equal or with findings; a key carried to the
-- next cycle counts there), and per column pair how many of those rows differed in it. Cycles closed before this
-- migration have none (`paired` stays null); reports sum the cycles that have them.

-- Keys of the mapping with a row on both sides, compared column by column: the denominator of a column's mismatch share.
ALTER TABLE cycle_table ADD COLUMN paired INTEGER;

CREATE TABLE column_statistics (
    cycle              INTEGER NOT NULL REFERENCES cycle (id),
    mapping            TEXT NOT NULL,
    seq                INTEGER NOT NULL,            -- the column pair's position in the mapping's columns
    column_name        TEXT NOT NULL,               -- legacy column
    new_column         TEXT NOT NULL,
    mismatched         INTEGER NOT NULL,            -- rows with a value_mismatch or rounding finding in the column
    within_tolerance   INTEGER NOT NULL,            -- rows with a within_tolerance finding in the column
    largest_difference TEXT,                        -- exact decimal text: |legacy - new| for numbers, seconds for dates
                                                    -- and times; null for other types or when no row differed
    PRIMARY KEY (cycle, mapping, seq)
) STRICT;
