using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

public sealed class TrendChartTests
{
    [Fact]
    public void Draws_a_png_larger_than_shown_for_print_and_the_same_series_gives_the_same_bytes()
    {
        var trend = SampleReports.Build().Agencies[0].Trend;

        var first = TrendChart.Png(trend, TrendUnit.Week);
        var second = TrendChart.Png(trend, TrendUnit.Week);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], first[..4]);
        // IHDR: width and height, big-endian, at bytes 16 to 23.
        Assert.Equal((int)(TrendChart.Width * TrendChart.Scale), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(first.AsSpan(16)));
        Assert.Equal((int)(TrendChart.Height * TrendChart.Scale), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(first.AsSpan(20)));
        Assert.Equal(first, second);
        Assert.True(first.Length > 10_000, $"{first.Length} bytes: text and lines should be drawn");
    }
}
