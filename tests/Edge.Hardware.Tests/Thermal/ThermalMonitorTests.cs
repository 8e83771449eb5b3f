using Edge.Hardware.Thermal;

namespace Edge.Hardware.Tests.Thermal;

public sealed class ThermalMonitorTests : IDisposable
{
    private readonly ThermalZoneFile _zone = new();
    private readonly ThermalMonitor _monitor;

    public ThermalMonitorTests() => _monitor = new ThermalMonitor(new SysfsThermalSource(_zone.Path), warnCelsius: 75, hysteresisCelsius: 5);

    public void Dispose() => _zone.Dispose();

    private double? Sample(int millidegrees)
    {
        _zone.Write($"{millidegrees}\n");
        return _monitor.Sample();
    }

    [Fact]
    public void A_reading_at_the_limit_is_not_yet_a_warning()
    {
        Assert.Equal(75.0, Sample(75_000));

        Assert.False(_monitor.Warning);
        Assert.Null(_monitor.WarningText);
        Assert.Equal(75.0, _monitor.LastCelsius);
    }

    [Fact]
    public void Above_the_limit_warns_and_says_how_hot()
    {
        Sample(81_200);

        Assert.True(_monitor.Warning);
        Assert.Equal("CPU 81 °C (limit 75 °C)", _monitor.WarningText);
    }

    [Fact]
    public void The_warning_clears_only_below_the_limit_minus_the_hysteresis()
    {
        Sample(75_001);
        Assert.True(_monitor.Warning);
        Sample(72_000);
        Assert.True(_monitor.Warning);
        Assert.Equal("CPU 72 °C (limit 75 °C)", _monitor.WarningText);
        Sample(70_000);
        Assert.True(_monitor.Warning);
        Sample(69_999);
        Assert.False(_monitor.Warning);
        Assert.Null(_monitor.WarningText);
        Sample(74_000);
        Assert.False(_monitor.Warning);
    }

    [Fact]
    public void A_missing_reading_keeps_the_warning_as_it_was()
    {
        Sample(80_000);
        _zone.Remove();

        Assert.Null(_monitor.Sample());
        Assert.Null(_monitor.LastCelsius);
        Assert.True(_monitor.Warning);
        Assert.Equal("CPU 80 °C (limit 75 °C)", _monitor.WarningText);
    }

    [Fact]
    public void No_hysteresis_clears_just_below_the_limit()
    {
        var monitor = new ThermalMonitor(new SysfsThermalSource(_zone.Path), warnCelsius: 60.5, hysteresisCelsius: 0);
        _zone.Write("60600\n");
        monitor.Sample();
        Assert.Equal("CPU 61 °C (limit 60.5 °C)", monitor.WarningText);
        _zone.Write("60499\n");
        monitor.Sample();

        Assert.False(monitor.Warning);
    }

    [Fact]
    public void A_negative_hysteresis_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThermalMonitor(new SysfsThermalSource(_zone.Path), 75, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThermalMonitor(new SysfsThermalSource(_zone.Path), double.NaN, 5));
    }
}
