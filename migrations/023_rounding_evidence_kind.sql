-- Rounding evidence says which kind it is: `column` (a decimal column against its unrounded source expression) or
-- `total` (a header's total against its line items, `line_items`). Until now a total's evidence was kept under a
-- made-up column name starting with 'total: ' and told apart by that prefix; its column_name is now what was summed
-- (`total = Σ invoice_lines.amount`) and the kind is in the key, so no column name can pass for a total.
CREATE TABLE rounding_evidence_kind (
    cycle       INTEGER NOT NULL REFERENCES cycle (id),
    mapping     TEXT NOT NULL,
    kind        TEXT NOT NULL DEFAULT 'column' CHECK (kind IN ('column', 'total')),
    column_name TEXT NOT NULL,
    side        TEXT NOT NULL CHECK (side IN ('legacy', 'new')),
    evidence    TEXT NOT NULL,
    PRIMARY KEY (cycle, mapping, kind, column_name, side)
) STRICT;

INSERT INTO rounding_evidence_kind (cycle, mapping, kind, column_name, side, evidence)
SELECT cycle, mapping,
       CASE WHEN substr(column_name, 1, 7) = 'total: ' THEN 'total' ELSE 'column' END,
       CASE WHEN substr(column_name, 1, 7) = 'total: ' THEN substr(column_name, 8) ELSE column_name END,
       side, evidence
FROM rounding_evidence;

DROP TABLE rounding_evidence;
ALTER TABLE rounding_evidence_kind RENAME TO rounding_evidence;
