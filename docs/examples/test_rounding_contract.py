"""A new system's test that checks its rounding function against a Parity rounding contract (parity.contract/1).

    PARITY_CONTRACT=contracts/rounding.orders.amount.json python3 test_rounding_contract.py

Each vector of a rounding contract is a tie captured from legacy's rows: the unrounded value of the column's source
expression and the value legacy stored. `round_amount` below stands for the new system's rounding function; the test
fails, naming each vector, when it rounds a tie differently from legacy. ROUNDING=ROUND_HALF_UP runs it with the
wrong mode for a legacy that rounds half-even (the test then fails).
"""
import decimal
import json
import os
import unittest
from decimal import Decimal

CONTRACT = os.environ.get("PARITY_CONTRACT", "contracts/rounding.orders.amount.json")
MODE = getattr(decimal, os.environ.get("ROUNDING", "ROUND_HALF_EVEN"))


def round_amount(value: Decimal, places: int) -> Decimal:
    """The function under test: rounds `value` to `places` decimal places."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=MODE)


class RoundingContract(unittest.TestCase):
    def setUp(self):
        with open(CONTRACT, encoding="utf-8") as file:
            self.contract = json.load(file)

    def test_is_a_rounding_contract(self):
        self.assertEqual(self.contract["schema"], "parity.contract/1")
        self.assertEqual(self.contract["kind"], "rounding")
        self.assertTrue(self.contract["vectors"], "the contract has no vectors: no ties were captured")

    def test_ties_round_as_legacy_stored_them(self):
        column = self.contract["subject"]["column"]
        for vector in self.contract["vectors"]:
            unrounded = Decimal(vector["about"]["unrounded"])
            with self.subTest(key=vector["key"], unrounded=str(unrounded), tie=vector["about"]["tie"]):
                expected = Decimal(vector["legacy"][column])
                self.assertEqual(round_amount(unrounded, int(vector["about"]["scale"])), expected)


if __name__ == "__main__":
    unittest.main()
