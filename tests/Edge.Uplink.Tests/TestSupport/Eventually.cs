namespace Edge.Uplink.Tests.TestSupport;

/// <summary>Bounded waiting for something another task does: polls until true or the timeout,
/// then fails with the given description.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out after {timeout.TotalSeconds:F0} s waiting for: {what}");
            await Task.Delay(20);
        }
    }
}
