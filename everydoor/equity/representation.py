"""How well a group is represented among the people EveryDoor reached, against the share of
that group in a reference population the service uploads (for example the 2021 census for
its area).

The ratio is (the group's share of people reached) / (its share of the reference
population): 1 means reached in proportion, below 1 under-reached. The reference share is
taken as known exactly (census counts are large); the uncertainty is in the share reached,
so the 95% interval is the Wilson score interval for that proportion (Wilson 1927; Newcombe,
Stat Med 1998;17:857-872, method 3), divided by the reference share. Wilson stays inside 0..1
and behaves for small counts, unlike the plain normal approximation.
"""

import math
from dataclasses import dataclass

from .suppression import SMALLEST_SHOWN

Z_95 = 1.959963984540054  # the standard normal quantile for a two-sided 95% interval


@dataclass(frozen=True)
class Representation:
    ratio: float
    lower: float
    upper: float


def wilson_interval(successes, trials, z=Z_95):
    if trials <= 0:
        raise ValueError("An interval needs at least one person")
    share = successes / trials
    scale = 1 + z * z / trials
    centre = (share + z * z / (2 * trials)) / scale
    half_width = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / scale
    return max(0.0, centre - half_width), min(1.0, centre + half_width)


def representation(reached_in_group, reached_in_all, reference_share):
    """None when the count is small enough to be hidden (the ratio and the total would give it
    back), or when there is nothing to compare with."""
    if 0 < reached_in_group < SMALLEST_SHOWN or reached_in_all <= 0 or not 0 < reference_share <= 1:
        return None
    lower, upper = wilson_interval(reached_in_group, reached_in_all)
    return Representation(
        ratio=reached_in_group / reached_in_all / reference_share,
        lower=lower / reference_share,
        upper=upper / reference_share,
    )
