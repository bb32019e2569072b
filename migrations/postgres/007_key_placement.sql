-- A mapping with key normalizers places its rows and changes by its canonical key (issue 26: `part = hash(canonical
-- mapped key) mod P`), so that a key's rows on both sides share a part and a close task compares the mapping over its
-- parts, not the coordinator over the whole mapping. The canonical key is the row key with the mapping's key
-- normalizers applied to each value: the store applies the normalizers recorded here, so every process writing the
-- mapping's rows places them alike whatever config it runs with.
--
-- `normalizers`: a JSON array of the normalizers as the config spells them (`["trim", {"strip_prefix": "INV-"}]`).
-- A mapping without a row here is placed by its row key (no normalizers: the two are the same text); so are the
-- mappings copied before this migration. A mapping's placement is recorded before its first row is copied and changes
-- only while it holds no rows. Small, and read by every write that places a key.
--
-- Citus: SELECT create_reference_table('key_placement');
CREATE TABLE key_placement (
    mapping text PRIMARY KEY,
    normalizers text NOT NULL
);
