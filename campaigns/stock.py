"""Stock per station and material, computed in the database from the ledger."""

from django.db.models import Q, Sum

from campaigns.models import Material, MovementKind, StockMovement


def stock_levels(stations=None):
    """Rows of (material, station, received, distributed, adjusted, in stock)."""
    movements = StockMovement.objects.all()
    if stations is not None:
        movements = movements.filter(station__in=stations)
    return (
        movements.values(
            "material__name", "material__unit", "station__name", "material_id", "station_id"
        )
        .annotate(
            received=Sum("quantity", filter=Q(kind=MovementKind.RECEIPT), default=0),
            distributed=Sum("quantity", filter=Q(kind=MovementKind.DISTRIBUTION), default=0),
            adjusted=Sum("quantity", filter=Q(kind=MovementKind.ADJUSTMENT), default=0),
        )
        .order_by("station__name", "material__name")
    )


def in_stock(row):
    return row["received"] + row["adjusted"] - row["distributed"]


__all__ = ["Material", "in_stock", "stock_levels"]
