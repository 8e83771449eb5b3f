namespace Edge.Hardware.Status;

/// <summary>The alert pattern silenced at the button, until an alert arrives. An arrival shows as the
/// open count or level rising above its lowest since the silence: the baseline follows
/// acknowledgements down, so a new alert after some were acknowledged still breaks the silence.</summary>
internal sealed class AlertSilence
{
    private long _baselineCount;
    private OpenAlertLevel _baselineLevel;

    public bool Active { get; private set; }

    public void Silence(OpenAlertLevel level, long count)
    {
        if (Active || level == OpenAlertLevel.None)
            return;
        Active = true;
        _baselineLevel = level;
        _baselineCount = count;
    }

    public void Observe(OpenAlertLevel level, long count)
    {
        if (!Active)
            return;
        if (level == OpenAlertLevel.None || level > _baselineLevel || count > _baselineCount)
        {
            Active = false;
            return;
        }
        _baselineLevel = level;
        _baselineCount = count;
    }
}
