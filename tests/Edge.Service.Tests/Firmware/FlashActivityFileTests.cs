using Edge.Flashing.Agent;
using Edge.Hardware.Status;
using Edge.Service.Firmware;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Service.Tests.Firmware;

public sealed class FlashActivityFileTests : IDisposable
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("edge-flash-activity-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _state.Delete(recursive: true);

    private string Path => FlashActivityFile.In(_state.FullName);

    [Fact]
    public void What_the_agent_writes_the_service_reads_until_it_goes_stale()
    {
        var agent = new FlashActivityFile(Path, _time);
        var service = new FlashActivityFile(Path, _time);
        Assert.Equal((FlashPhase.None, null), service.Read());

        agent.Write(FlashActivity.Receiving, null);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FlashPhase.Receiving, service.Read().Phase);

        _time.Advance(FlashActivityFile.ReceivingStaleAfter);
        Assert.Equal(FlashPhase.None, service.Read().Phase);
    }

    [Fact]
    public void A_transfer_in_progress_keeps_the_line_fresh_without_writing_every_frame()
    {
        var agent = new FlashActivityFile(Path, _time);
        agent.Write(FlashActivity.Receiving, null);
        var first = File.ReadAllText(Path);

        _time.Advance(TimeSpan.FromSeconds(1));
        agent.Write(FlashActivity.Receiving, null);
        Assert.Equal(first, File.ReadAllText(Path));

        _time.Advance(TimeSpan.FromSeconds(1.5));
        agent.Write(FlashActivity.Receiving, null);
        Assert.NotEqual(first, File.ReadAllText(Path));
    }

    [Fact]
    public void A_refusal_is_shown_with_its_reason_for_a_minute_and_an_install_clears_the_leds()
    {
        var agent = new FlashActivityFile(Path, _time);
        agent.Write(FlashActivity.Installing, null);
        Assert.Equal(FlashPhase.Installing, new FlashActivityFile(Path, _time).Read().Phase);

        agent.Write(FlashActivity.Refused, "wrong-board:\tbuilt for\nraspberry-pi-5");
        Assert.Equal((FlashPhase.Refused, "wrong-board: built for raspberry-pi-5"), new FlashActivityFile(Path, _time).Read());
        _time.Advance(FlashActivityFile.RefusalShownFor);
        Assert.Equal(FlashPhase.None, new FlashActivityFile(Path, _time).Read().Phase);

        agent.Write(FlashActivity.Installed, "2.0.0 installed into slot b");
        Assert.Equal(FlashPhase.None, new FlashActivityFile(Path, _time).Read().Phase);
    }

    [Fact]
    public void The_service_reads_the_disk_at_most_once_a_second()
    {
        var agent = new FlashActivityFile(Path, _time);
        var service = new FlashActivityFile(Path, _time);
        Assert.Equal(FlashPhase.None, service.Read().Phase);

        agent.Write(FlashActivity.Receiving, null);
        Assert.Equal(FlashPhase.None, service.Read().Phase);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(FlashPhase.Receiving, service.Read().Phase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("receiving")]
    [InlineData("receiving\tsoon\t")]
    [InlineData("receiving\t-5\t")]
    [InlineData("dancing\t1795608000000\t")]
    [InlineData("\0\0\0\t\t\t")]
    public void A_line_it_cannot_read_shows_nothing(string? line) =>
        Assert.Equal((FlashPhase.None, null), FlashActivityFile.Parse(line, _time.GetUtcNow()));
}
