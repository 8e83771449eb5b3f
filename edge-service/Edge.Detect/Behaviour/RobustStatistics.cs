namespace Edge.Detect.Behaviour;

/// <summary>Order statistics over a small sample the caller has sorted in place.</summary>
internal static class RobustStatistics
{
    private const double NegligibleSpread = 0.02;

    /// <summary>Linear interpolation between closest ranks (Hyndman &amp; Fan type 7, as numpy's default).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)rank;
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>Bowley (quartile) skewness (Q1 + Q3 − 2·Q2) / (Q3 − Q1), in [−1, 1]; 0 when the
    /// quartiles lie within 2 % of the median, where a one-byte or one-tick difference would
    /// otherwise read as total skew.</summary>
    public static double Bowley(ReadOnlySpan<double> sorted)
    {
        var q1 = Quantile(sorted, 0.25);
        var q2 = Quantile(sorted, 0.5);
        var q3 = Quantile(sorted, 0.75);
        var spread = q3 - q1;
        return spread <= NegligibleSpread * Math.Abs(q2) || spread <= double.Epsilon * 4 ? 0 : (q1 + q3 - 2 * q2) / spread;
    }

    /// <summary>Median absolute deviation over the median (0 when both are 0, 1 when only the median is).
    /// Overwrites <paramref name="scratch"/>.</summary>
    public static double MadRatio(ReadOnlySpan<double> sorted, Span<double> scratch)
    {
        var median = Quantile(sorted, 0.5);
        for (var i = 0; i < sorted.Length; i++)
            scratch[i] = Math.Abs(sorted[i] - median);
        scratch = scratch[..sorted.Length];
        scratch.Sort();
        var mad = Quantile(scratch, 0.5);
        if (median > 0)
            return mad / median;
        return mad > 0 ? 1 : 0;
    }

    /// <summary>Population standard deviation over the mean; 0 for a zero mean.</summary>
    public static double Cv(ReadOnlySpan<double> values, out double mean)
    {
        double sum = 0, squares = 0;
        foreach (var value in values)
            sum += value;
        mean = sum / values.Length;
        foreach (var value in values)
            squares += (value - mean) * (value - mean);
        return mean > 0 ? Math.Sqrt(squares / values.Length) / mean : 0;
    }
}
