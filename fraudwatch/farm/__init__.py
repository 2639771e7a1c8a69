"""Demo and test farm: fictional casino, lender, pyramid and legitimate sites on loopback."""

from fraudwatch.farm.server import Farm
from fraudwatch.farm.sites import FarmSite, Operator, catalogue

__all__ = ["Farm", "Operator", "FarmSite", "catalogue"]
