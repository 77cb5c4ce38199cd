"""Money helpers."""
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def to_cents(amount):
    """Round a Decimal to cents, halves away from zero."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
