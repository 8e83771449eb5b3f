using Edge.Service.Tests.TestSupport;

namespace Edge.Service.Tests.Commands;

public class SelfTestCommandTests
{
    [Fact]
    public void Every_detector_fires_on_the_bundled_capture_and_nothing_else_does()
    {
        var run = EdgeServiceProcess.Run("selftest");
        Assert.Equal(0, run.ExitCode);
        foreach (var category in new[] { "botnet", "cnc", "dga", "dns-tunnel", "doh-bypass", "mining", "phishing", "scan", "typosquat", "wannacry" })
            Assert.Matches($@"(?m)^{category}\s+\d+\s+\d+\s+0\s+pass$", run.Output);
        Assert.Contains("selftest passed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_detector_that_does_not_fire_fails_the_selftest_and_is_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Samples", "selftest-expected.txt")), "phishing 10.77.0.99 never.example"]);
            var run = EdgeServiceProcess.Run("selftest", "--expected", path);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("missed: phishing 10.77.0.99 never.example", run.Output, StringComparison.Ordinal);
            Assert.Contains("selftest FAILED", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_malformed_expectation_is_named_with_its_line()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# header", "phishing 10.77.0.21"]);
            var run = EdgeServiceProcess.Run("selftest", "--expected", path);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"{path}:2:", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
