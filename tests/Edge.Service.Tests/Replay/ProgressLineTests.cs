using Edge.Service.Replay;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Service.Tests.Replay;

public sealed class ProgressLineTests
{
    [Theory]
    [InlineData(0, 200, 0, 0, "  0% -:-- left")]
    [InlineData(100, 200, 10, 25, " 50% 0:10 left")]
    [InlineData(150, 200, 90, 37, " 75% 0:30 left")]
    [InlineData(1, 100, 60, 0, "  1% 1:39:00 left")]
    [InlineData(200, 200, 42, 50, "100% done")]
    [InlineData(500, 200, 42, 50, "100% done")]
    public void The_line_shows_the_bar_the_percentage_and_the_time_left(long done, long total, int elapsedSeconds, int filled, string tail)
    {
        var line = ProgressLine.Format(done, total, TimeSpan.FromSeconds(elapsedSeconds), 79);
        Assert.Equal($"replay [{new string('#', filled)}{new string('.', 50 - filled)}] {tail}", line);
        Assert.True(line.Length <= 79, $"{line.Length} characters");
    }

    [Fact]
    public void A_narrow_terminal_keeps_a_bar_of_ten_and_a_wide_one_a_bar_of_fifty()
    {
        Assert.Contains("[##########]", ProgressLine.Format(1, 1, TimeSpan.Zero, 20));
        Assert.Contains($"[{new string('#', 50)}]", ProgressLine.Format(1, 1, TimeSpan.Zero, 300));
        Assert.Equal(0, ProgressLine.Format(0, 0, TimeSpan.Zero, 79).Count(c => c == '#'));
    }

    [Fact]
    public void It_redraws_at_most_ten_times_a_second_always_draws_the_end_and_erases_itself()
    {
        var time = new FakeTimeProvider();
        var terminal = new StringWriter();
        var line = new ProgressLine(terminal, time, 79);
        line.Report(10, 100);
        line.Report(20, 100);                       // 0 ms later: skipped
        time.Advance(TimeSpan.FromMilliseconds(100));
        line.Report(30, 100);
        line.Report(100, 100);                      // the end, however soon
        line.Erase();
        var draws = terminal.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, draws.Length);
        Assert.Contains(" 10% ", draws[0]);
        Assert.Contains(" 30% ", draws[1]);
        Assert.Contains("100% done", draws[2]);
        Assert.Equal(draws[2].Length, draws[3].Length);
        Assert.True(string.IsNullOrWhiteSpace(draws[3]));
        Assert.EndsWith("\r", terminal.ToString());
    }
}
