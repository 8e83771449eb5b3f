using Edge.Watch.Link;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Every input that ever crashed or stalled the engine (and some handcrafted nasty ones)
/// goes through a fresh engine and its consuming observer again.</summary>
public sealed class RegressionReplayTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions");

    [Fact]
    public void Every_regression_input_replays_without_crash_or_stall()
    {
        var files = Directory.Exists(s_folder) ? Directory.GetFiles(s_folder, "*.hex") : [];
        var failures = new List<string>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var (comment, frames) = HexInput.Read(file);
            Assert.False(string.IsNullOrEmpty(comment), $"{Path.GetFileName(file)} needs a first-line comment saying what it broke");
            var guard = new GuardedEngine(TimeSpan.FromMilliseconds(200));
            var timestamp = 1_700_000_000_000_000L;
            foreach (var frame in frames)
            {
                var failure = guard.Feed(LinkType.Ethernet, timestamp += 1000, frame)
                    ?? (guard.LastFrameSlow ? $"stall: {guard.LastFrameMilliseconds:F0} ms" : null);
                if (failure is not null)
                    failures.Add($"{Path.GetFileName(file)} ({comment}): {failure}");
            }
            var end = guard.Finish();
            if (end is not null)
                failures.Add($"{Path.GetFileName(file)} ({comment}): flushing: {end}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
