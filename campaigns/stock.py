"""Stock per station and material, summed by the database from the ledger."""

from django.db.models import Q, Sum

from campaigns.models import MovementKind, StockMovement


def stock_levels(movements=None):
    """Rows with material, unit, station, received, distributed, adjusted and in_stock."""
    movements = StockMovement.objects.all() if movements is None else movements
    rows = (
        movements.values("material__name", "material__unit", "station__name")
        .annotate(
            received=Sum("quantity", filter=Q(kind=MovementKind.RECEIPT), default=0),
            distributed=Sum("quantity", filter=Q(kind=MovementKind.DISTRIBUTION), default=0),
            adjusted=Sum("quantity", filter=Q(kind=MovementKind.ADJUSTMENT), default=0),
        )
        .order_by("station__name", "material__name")
    )
    for row in rows:
        row["in_stock"] = row["received"] + row["adjusted"] - row["distributed"]
        yield row
