using Edge.Hardware.Thermal;

namespace Edge.Hardware.Tests.Thermal;

public sealed class SysfsThermalSourceTests : IDisposable
{
    private readonly ThermalZoneFile _zone = new();

    public void Dispose() => _zone.Dispose();

    [Theory]
    [InlineData("48312\n", 48.312)]
    [InlineData("48312", 48.312)]
    [InlineData("81000\n", 81.0)]
    [InlineData("-5250\n", -5.25)]
    [InlineData("0\n", 0.0)]
    public void Millidegrees_read_as_degrees(string content, double celsius)
    {
        _zone.Write(content);

        Assert.Equal(celsius, new SysfsThermalSource(_zone.Path).ReadCelsius());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("hot\n")]
    [InlineData("48.3\n")]
    [InlineData("48312 48313\n")]
    [InlineData("99999999999999\n")]
    public void Garbage_reads_as_no_temperature(string content)
    {
        _zone.Write(content);

        Assert.Null(new SysfsThermalSource(_zone.Path).ReadCelsius());
    }

    [Fact]
    public void A_huge_file_is_not_read_through()
    {
        _zone.Write(new string('4', 1_000_000));

        Assert.Null(new SysfsThermalSource(_zone.Path).ReadCelsius());
    }

    [Fact]
    public void A_missing_zone_reads_as_no_temperature()
    {
        Assert.Null(new SysfsThermalSource(_zone.Path).ReadCelsius());
        Assert.Null(new SysfsThermalSource("/nonexistent/thermal_zone0/temp").ReadCelsius());
    }

    [Fact]
    public void A_directory_reads_as_no_temperature()
    {
        Assert.Null(new SysfsThermalSource(Path.GetDirectoryName(_zone.Path)!).ReadCelsius());
    }

    [Fact]
    public void Each_read_sees_the_current_value()
    {
        var source = new SysfsThermalSource(_zone.Path);
        _zone.Write("40000\n");
        Assert.Equal(40.0, source.ReadCelsius());
        _zone.Write("41500\n");
        Assert.Equal(41.5, source.ReadCelsius());
        _zone.Remove();
        Assert.Null(source.ReadCelsius());
    }
}
