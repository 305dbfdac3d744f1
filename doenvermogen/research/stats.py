"""Paired pre/post statistics for the researcher (SciPy; no Django imports).

For n pairs with differences d = post − pre: mean change, the 95 % confidence interval
mean ± t(0.975, n−1) · sd/√n, Cohen's d_z = mean / sd (the effect size for paired data), and the
Wilcoxon signed-rank test (SciPy's defaults: two-sided, zero differences dropped, the exact null
distribution for up to 50 pairs, the normal approximation above). Fewer than ``MIN_PAIRS`` pairs:
nothing is computed (small cells).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

MIN_PAIRS = 5


@dataclass(frozen=True)
class PairedSummary:
    n: int
    shown: bool
    mean_pre: float | None = None
    mean_post: float | None = None
    mean_change: float | None = None
    sd_change: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    cohen_dz: float | None = None
    wilcoxon_statistic: float | None = None
    wilcoxon_p: float | None = None


def paired_summary(pre: list[float], post: list[float]) -> PairedSummary:
    if len(pre) != len(post):
        raise ValueError("pre and post must pair up")
    n = len(pre)
    if n < MIN_PAIRS:
        return PairedSummary(n=n, shown=False)
    from scipy import stats

    diffs = [b - a for a, b in zip(pre, post, strict=True)]
    mean = statistics.fmean(diffs)
    sd = statistics.stdev(diffs)
    half = stats.t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    w_stat = w_p = None
    if any(d != 0 for d in diffs):
        result = stats.wilcoxon(diffs)
        w_stat, w_p = float(result.statistic), float(result.pvalue)
    return PairedSummary(
        n=n,
        shown=True,
        mean_pre=statistics.fmean(pre),
        mean_post=statistics.fmean(post),
        mean_change=mean,
        sd_change=sd,
        ci_low=float(mean - half),
        ci_high=float(mean + half),
        cohen_dz=mean / sd if sd > 0 else None,
        wilcoxon_statistic=w_stat,
        wilcoxon_p=w_p,
    )
