-- Row images are stored by position: the column names move out of every image into image_layout, and an
-- image becomes a JSON array whose first element is its layout's id, followed by the values in the layout's
-- column order:
--     {"amount":"12.50","id":"7","note":null}   becomes   [3,"12.50","7",null]   with layout 3 = ["amount","id","note"]
-- The names were more than half of a typical image, and a cycle close reads, sorts and writes every changed
-- row's image (issue-4 close on the benchmark's store: about a third less written, Benchmarks/RESULTS.md).
-- Keys (row_key, old_key) keep their form: a JSON array of the key's values.

-- A column set of stored images: `columns` is a JSON array of names in sorted order. Rows are never updated
-- or deleted; a layout's id means the same columns for as long as the store exists.
CREATE TABLE image_layout (
    id      INTEGER PRIMARY KEY,
    columns TEXT NOT NULL UNIQUE
) STRICT;

-- The images already stored, converted in place. json_each walks an object in document order, which is the
-- sorted order RowJSON wrote.
INSERT INTO image_layout (columns) SELECT columns FROM (
    SELECT (SELECT json_group_array(key) FROM json_each(row_values)) AS columns FROM row_state
    UNION SELECT (SELECT json_group_array(key) FROM json_each(row_values)) FROM row_delta WHERE row_values IS NOT NULL
    UNION SELECT (SELECT json_group_array(key) FROM json_each(row_values)) FROM pending_change WHERE row_values IS NOT NULL
    UNION SELECT (SELECT json_group_array(key) FROM json_each(row_values)) FROM streamed_change WHERE row_values IS NOT NULL
) ORDER BY columns;

UPDATE row_state SET row_values = '[' || (
    SELECT id FROM image_layout WHERE columns = (SELECT json_group_array(key) FROM json_each(row_values))
) || coalesce((SELECT group_concat(',' || CASE type WHEN 'null' THEN 'null' ELSE json_quote(value) END, '') FROM json_each(row_values)), '') || ']';
UPDATE row_delta SET row_values = '[' || (
    SELECT id FROM image_layout WHERE columns = (SELECT json_group_array(key) FROM json_each(row_values))
) || coalesce((SELECT group_concat(',' || CASE type WHEN 'null' THEN 'null' ELSE json_quote(value) END, '') FROM json_each(row_values)), '') || ']'
WHERE row_values IS NOT NULL;
UPDATE pending_change SET row_values = '[' || (
    SELECT id FROM image_layout WHERE columns = (SELECT json_group_array(key) FROM json_each(row_values))
) || coalesce((SELECT group_concat(',' || CASE type WHEN 'null' THEN 'null' ELSE json_quote(value) END, '') FROM json_each(row_values)), '') || ']'
WHERE row_values IS NOT NULL;
UPDATE streamed_change SET row_values = '[' || (
    SELECT id FROM image_layout WHERE columns = (SELECT json_group_array(key) FROM json_each(row_values))
) || coalesce((SELECT group_concat(',' || CASE type WHEN 'null' THEN 'null' ELSE json_quote(value) END, '') FROM json_each(row_values)), '') || ']'
WHERE row_values IS NOT NULL;
