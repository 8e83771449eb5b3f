namespace Edge.Detect.Alerts;

public sealed record AlertOptions
{
    /// <summary>Repeats of a (rule, client, indicator) within this time count into one alert.</summary>
    public int DedupeWindowSeconds { get; set; } = 3600;

    /// <summary>New alerts one rule may raise per minute of traffic; the rest are counted, not raised,
    /// so a flood of one kind cannot bury the others.</summary>
    public int MaxNewAlertsPerRulePerMinute { get; set; } = 120;

    /// <summary>Alerts remembered for deduplication; past it the stalest is closed.</summary>
    public int MaxOpenAlerts { get; set; } = 65_536;

    public void Validate()
    {
        if (DedupeWindowSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(DedupeWindowSeconds), DedupeWindowSeconds, "DedupeWindowSeconds must be positive");
        if (MaxNewAlertsPerRulePerMinute <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxNewAlertsPerRulePerMinute), MaxNewAlertsPerRulePerMinute, "MaxNewAlertsPerRulePerMinute must be positive");
        if (MaxOpenAlerts <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxOpenAlerts), MaxOpenAlerts, "MaxOpenAlerts must be positive");
    }
}
