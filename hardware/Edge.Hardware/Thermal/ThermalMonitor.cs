namespace Edge.Hardware.Thermal;

/// <summary>Watches the CPU temperature: a warning once it rises above the limit, cleared only once it
/// falls below the limit minus the hysteresis, so a CPU hovering at the limit does not flap.
/// Thread-safe: sampled on one thread, read on others.</summary>
public sealed class ThermalMonitor
{
    private readonly Lock _lock = new();
    private readonly IThermalSource _source;
    private readonly double _warnCelsius;
    private readonly double _clearCelsius;
    private double? _lastCelsius;
    private double _lastReading;
    private bool _warning;

    public ThermalMonitor(IThermalSource source, double warnCelsius, double hysteresisCelsius)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!double.IsFinite(warnCelsius))
            throw new ArgumentOutOfRangeException(nameof(warnCelsius), warnCelsius, "must be a number");
        if (!double.IsFinite(hysteresisCelsius) || hysteresisCelsius < 0)
            throw new ArgumentOutOfRangeException(nameof(hysteresisCelsius), hysteresisCelsius, "must be zero or more");
        _source = source;
        _warnCelsius = warnCelsius;
        _clearCelsius = warnCelsius - hysteresisCelsius;
    }

    /// <summary>The latest reading, null when the board did not give one.</summary>
    public double? LastCelsius
    {
        get { lock (_lock) return _lastCelsius; }
    }

    public bool Warning
    {
        get { lock (_lock) return _warning; }
    }

    /// <summary>"CPU 81 °C (limit 75 °C)" while warning (with the latest reading the board gave), else null.</summary>
    public string? WarningText
    {
        get
        {
            lock (_lock)
                return _warning ? $"CPU {_lastReading:0} °C (limit {_warnCelsius:0.#} °C)" : null;
        }
    }

    /// <summary>Reads the source and updates the warning. A missing reading leaves the warning as it was.</summary>
    public double? Sample()
    {
        var celsius = _source.ReadCelsius();
        lock (_lock)
        {
            _lastCelsius = celsius;
            if (celsius is not { } reading)
                return null;
            _lastReading = reading;
            if (reading > _warnCelsius)
                _warning = true;
            else if (reading < _clearCelsius)
                _warning = false;
            return reading;
        }
    }
}
