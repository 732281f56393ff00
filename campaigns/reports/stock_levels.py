"""Stock per station and material, read from the running balances that every ledger line
updates (campaigns.models.StockBalance)."""

from campaigns.models import StockBalance


def stock_levels(balances=None):
    """Rows with material, unit, station, received, distributed, adjusted and in_stock."""
    balances = StockBalance.objects.all() if balances is None else balances
    rows = balances.values(
        "material__name", "material__unit", "station__name", "received", "distributed", "adjusted"
    ).order_by("station__name", "material__name")
    for row in rows:
        row["in_stock"] = row["received"] + row["adjusted"] - row["distributed"]
        yield row
