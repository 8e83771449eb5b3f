using System.Text;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Service.Configuration;
using Edge.Service.Tests.TestSupport;
using Edge.Service.Uplink;
using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.Uplink;

public sealed class SensorActionsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly AlertAcknowledgements _acks = new();
    private readonly string _configured;
    private readonly IntelHolder _intel;
    private readonly IntelCatalog _catalog;
    private readonly SensorActions _actions;

    public SensorActionsTests()
    {
        _configured = _folder.File("malware.txt");
        File.WriteAllText(_configured, "old.example\n");
        _intel = new IntelHolder(IntelLoader.Load([_configured]).Snapshot);
        _catalog = new IntelCatalog([_configured], _folder.File("state/intel"),
            new FixedTime(new DateTimeOffset(2026, 11, 25, 15, 32, 30, TimeSpan.Zero)));
        Directory.CreateDirectory(_folder.File("evidence"));
        var editor = new SettingsEditor(null, new SettingsOverrides(_folder.File("state/settings-overrides.json")), new EdgeSettings());
        _actions = new SensorActions(_acks, _intel, _catalog, editor, _folder.File("evidence"), NullLogger.Instance);
    }

    public void Dispose() => _folder.Dispose();

    private IntelUpdate Received(string list, string? category, string text)
    {
        var path = _folder.File($"incoming-{Guid.NewGuid():N}");
        File.WriteAllText(path, text);
        return new IntelUpdate(list, category, path, "", Encoding.UTF8.GetByteCount(text));
    }

    private bool Matches(string name, out string category)
    {
        var found = _intel.Current.TryMatchDomain(Encoding.ASCII.GetBytes(name), out var match);
        category = found ? match.List.Category : "";
        return found;
    }

    [Fact]
    public async Task A_received_list_is_swapped_in_beside_the_configured_ones()
    {
        var outcome = await _actions.ApplyIntelAsync(Received("feed.txt", "phishing", "evil.example\n"), TestContext.Current.CancellationToken);

        Assert.True(outcome.Ok, outcome.Error);
        Assert.Equal(2, outcome.Entries);
        Assert.Equal("20261125T153230Z-2d-0c", outcome.Version);
        Assert.Equal(outcome.Version, _actions.IntelVersion);
        Assert.True(Matches("www.evil.example", out var category));
        Assert.Equal("phishing", category);
        Assert.True(Matches("old.example", out _));
        var placed = Path.Combine(_catalog.ReceivedDirectory, "feed.phishing.txt");
        Assert.True(File.Exists(placed));
        Assert.Contains(new IntelSource(placed, "feed.phishing.txt", "phishing"), _catalog.Sources());
    }

    [Fact]
    public async Task A_second_list_of_the_same_name_replaces_the_first()
    {
        var token = TestContext.Current.CancellationToken;
        Assert.True((await _actions.ApplyIntelAsync(Received("feed.txt", "phishing", "first.example\n"), token)).Ok);

        var outcome = await _actions.ApplyIntelAsync(Received("feed.txt", "phishing", "second.example\n"), token);

        Assert.True(outcome.Ok, outcome.Error);
        Assert.True(Matches("second.example", out _));
        Assert.False(Matches("first.example", out _));
        Assert.Equal(2, _catalog.Sources().Count);
    }

    [Fact]
    public async Task A_list_that_cannot_be_loaded_is_refused_removed_and_the_intel_kept()
    {
        var before = _intel.Current;
        File.Delete(_configured);

        var outcome = await _actions.ApplyIntelAsync(Received("feed.txt", "phishing", "evil.example\n"), TestContext.Current.CancellationToken);

        Assert.False(outcome.Ok);
        Assert.Contains("malware.txt", outcome.Error, StringComparison.Ordinal);
        Assert.Same(before, _intel.Current);
        Assert.Null(_actions.IntelVersion);
        Assert.Empty(Directory.GetFiles(_catalog.ReceivedDirectory));
    }

    [Fact]
    public async Task A_refused_list_leaves_the_earlier_list_of_that_name_on_disk()
    {
        var first = await _actions.ApplyIntelAsync(Received("feed.txt", "phishing", "evil.example\n"), TestContext.Current.CancellationToken);
        Assert.True(first.Ok);
        File.Delete(_configured);

        var second = await _actions.ApplyIntelAsync(Received("feed.txt", "cnc", "other.example\n"), TestContext.Current.CancellationToken);

        Assert.False(second.Ok);
        var left = Directory.GetFiles(_catalog.ReceivedDirectory).Select(Path.GetFileName).ToArray();
        Assert.Equal(["feed.phishing.txt"], left);
        Assert.Equal("evil.example\n", File.ReadAllText(Path.Combine(_catalog.ReceivedDirectory, "feed.phishing.txt")));
    }

    [Fact]
    public void Evidence_is_opened_by_alert_id()
    {
        File.WriteAllBytes(_folder.File($"evidence/{TestAlerts.Id(1)}.pcap"), [1, 2, 3]);

        using var stream = _actions.OpenEvidence(TestAlerts.Id(1));

        Assert.NotNull(stream);
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal([1, 2, 3], copy.ToArray());
    }

    [Theory]
    [InlineData("01JD8X6Q0M7ZK3V9T5R2W00002")]
    [InlineData("../x")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("01jd8x6q0m7zk3v9t5r2w00001")]
    [InlineData("01JD8X6Q0M7ZK3V9T5R2W0000")]
    [InlineData("")]
    public void Evidence_of_an_absent_or_malformed_id_is_null(string id)
    {
        File.WriteAllBytes(_folder.File($"evidence/{TestAlerts.Id(1)}.pcap"), [1]);
        File.WriteAllBytes(_folder.File("x.pcap"), [1]);

        Assert.Null(_actions.OpenEvidence(id));
    }

    [Fact]
    public void Without_an_evidence_store_there_is_no_evidence()
    {
        var actions = new SensorActions(_acks, _intel, _catalog,
            new SettingsEditor(null, new SettingsOverrides(_folder.File("o.json")), new EdgeSettings()), null, NullLogger.Instance);

        Assert.Null(actions.OpenEvidence(TestAlerts.Id(1)));
    }

    [Fact]
    public async Task Ack_closes_the_alert_in_the_acknowledgements()
    {
        var token = TestContext.Current.CancellationToken;
        _acks.Raise(TestAlerts.Alert(1, Severity.Critical));

        Assert.False(await _actions.AckAsync(TestAlerts.Id(2), token));
        Assert.True(await _actions.AckAsync(TestAlerts.Id(1), token));
        Assert.Equal(0, _acks.OpenCount);
    }

    [Fact]
    public async Task Led_test_raises_the_event_and_counts()
    {
        var requested = 0;
        _actions.LedTestRequested += () => requested++;

        await _actions.LedTestAsync(TestContext.Current.CancellationToken);
        await _actions.LedTestAsync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 2L), (requested, _actions.LedTests));
    }
}
