namespace Edge.Uplink.Tests.TestSupport;

/// <summary>Bounded waiting for something another task does: polls until true or the timeout,
/// then fails with the given description (and, when given, what the parts said meanwhile).</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TrueAsync(condition, timeout, what, static () => "");

    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string> detail)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var said = detail();
                Assert.Fail($"timed out after {timeout.TotalSeconds:F0} s waiting for: {what}{(said.Length == 0 ? "" : "\n" + said)}");
            }
            await Task.Delay(20);
        }
    }
}
