using System.Diagnostics;
using Edge.Flashing.Agent;
using Edge.Flashing.Client;
using Edge.Flashing.Messages;

namespace Edge.Flashing.Tests.Pty;

/// <summary>Laptop and sensor ends over a socat PTY pair, opened as serial ports.</summary>
public class FlashOverPtyTests
{
    [Fact]
    public async Task A_2_MiB_bundle_arrives_whole_and_is_installed()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        await using var rig = new FlashRig(2 << 20);
        using var socat = Socat.Pair(rig.Laptop, rig.Sensor);
        rig.StartAgent();
        var reports = new List<FlashProgress>();
        var progress = new SynchronousProgress<FlashProgress>(reports.Add);
        var clock = Stopwatch.StartNew();
        var result = await rig.Client().FlashAsync(rig.BundlePath, progress, FlashRig.Within(TimeSpan.FromSeconds(25)));
        clock.Stop();
        Assert.True(result.Installed, result.Message);
        Assert.Equal("slot B armed", result.Message);
        rig.AssertInstalledExactly();
        Assert.Equal(0, result.BytesResent);
        Assert.Equal(rig.Bundle.Length, reports[^1].BytesConfirmed);
        Assert.True(reports[^1].BytesPerSecond > 0);
        Assert.False(File.Exists(Path.Combine(rig.Staging, StagingTransfer.PartFileName)), "staging is cleared after the install");
        TestContext.Current.TestOutputHelper?.WriteLine($"unthrottled PTY: {rig.Bundle.Length} bytes in {clock.Elapsed.TotalSeconds:0.00} s = {rig.Bundle.Length / clock.Elapsed.TotalSeconds / 1024:0} KiB/s");
    }

    [Fact]
    public async Task The_install_hooks_refusal_reaches_the_laptop()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        await using var rig = new FlashRig(100_000) { Outcome = FlashOutcome.Refused(0x101, "signature does not verify") };
        using var socat = Socat.Pair(rig.Laptop, rig.Sensor);
        rig.StartAgent();
        var result = await rig.Client().FlashAsync(rig.BundlePath, null, FlashRig.Within(TimeSpan.FromSeconds(15)));
        Assert.False(result.Installed);
        Assert.Equal(0x101, result.Code);
        Assert.Equal("signature does not verify", result.Message);
        rig.AssertInstalledExactly();
    }

    [Fact]
    public async Task A_killed_agent_leaves_a_good_prefix_and_a_new_agent_resumes()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        await using var rig = new FlashRig(2 << 20, seed: 3);
        using var socat = Socat.Pair(rig.Laptop, rig.Sensor);
        rig.StartAgent();
        var flashing = rig.Client().FlashAsync(rig.BundlePath, null, FlashRig.Within(TimeSpan.FromSeconds(25)));
        await WaitUntilAsync(() => rig.Agent!.Counters.BytesWritten > 700_000, TimeSpan.FromSeconds(10));
        await rig.KillAgentAsync();

        Assert.True(TransferState.TryLoad(Path.Combine(rig.Staging, StagingTransfer.StateFileName), out var state));
        var part = await File.ReadAllBytesAsync(Path.Combine(rig.Staging, StagingTransfer.PartFileName), TestContext.Current.CancellationToken);
        Assert.InRange(state.ConfirmedOffset, 64 * 1024, part.Length);
        Assert.Equal(rig.Bundle.AsSpan(0, (int)state.ConfirmedOffset).ToArray(), part.AsSpan(0, (int)state.ConfirmedOffset).ToArray());

        rig.StartAgent();
        var result = await flashing;
        Assert.True(result.Installed, result.Message);
        rig.AssertInstalledExactly();
        Assert.True(result.Reconnects >= 1);
        Assert.InRange(result.BytesResent, 1, rig.Bundle.Length - state.ConfirmedOffset);
        TestContext.Current.TestOutputHelper?.WriteLine($"confirmed {state.ConfirmedOffset} of {part.Length} written at the kill; resent {result.BytesResent}");
    }

    [Fact]
    public async Task A_provisioning_set_arrives_as_such_and_leaves_a_half_sent_bundle_to_resume()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        await using var rig = new FlashRig(2 << 20, seed: 5);
        using var socat = Socat.Pair(rig.Laptop, rig.Sensor);
        rig.StartAgent();
        var cut = FlashRig.Within(TimeSpan.FromSeconds(25));
        using var stopBundle = CancellationTokenSource.CreateLinkedTokenSource(cut);
        var flashing = rig.Client().FlashAsync(rig.BundlePath, null, stopBundle.Token);
        await WaitUntilAsync(() => rig.Agent!.Counters.BytesWritten > 500_000, TimeSpan.FromSeconds(10));
        await stopBundle.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => flashing);

        var set = new byte[3000];
        new Random(9).NextBytes(set);
        var provisioning = await rig.Client().FlashAsync(new MemoryStream(set), TransferKind.Provisioning, null, cut);
        Assert.True(provisioning.Installed, provisioning.Message);
        Assert.Equal(TransferKind.Provisioning, rig.InstalledKind);
        Assert.Equal(set, rig.Installed);

        var bundle = await rig.Client().FlashAsync(rig.BundlePath, null, cut);
        Assert.True(bundle.Installed, bundle.Message);
        Assert.Equal(TransferKind.Bundle, rig.InstalledKind);
        rig.AssertInstalledExactly();
        Assert.True(bundle.ResumedFrom >= 64 * 1024, $"the bundle resumed from {bundle.ResumedFrom}, not from its confirmed prefix");
    }

    [Fact]
    public async Task The_agent_reports_receiving_then_installing_then_the_outcome()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        var seen = new List<(FlashActivity Activity, string? Message)>();
        await using var rig = new FlashRig(300_000) { Activity = (activity, message) => { lock (seen) seen.Add((activity, message)); } };
        using var socat = Socat.Pair(rig.Laptop, rig.Sensor);
        rig.StartAgent();

        var installed = await rig.Client().FlashAsync(rig.BundlePath, null, FlashRig.Within(TimeSpan.FromSeconds(15)));
        rig.Outcome = FlashOutcome.Refused(0x10D, "wrong-board: built for raspberry-pi-5");
        var refused = await rig.Client().FlashAsync(new MemoryStream(new byte[5000]), null, FlashRig.Within(TimeSpan.FromSeconds(15)));

        Assert.True(installed.Installed);
        Assert.False(refused.Installed);
        (FlashActivity, string?)[] changes;
        lock (seen)
            changes = seen.Where((s, i) => i == 0 || s.Activity != seen[i - 1].Activity).ToArray();
        Assert.Equal(
            [
                (FlashActivity.Receiving, null), (FlashActivity.Installing, null), (FlashActivity.Installed, "slot B armed"),
                (FlashActivity.Receiving, null), (FlashActivity.Installing, null), (FlashActivity.Refused, "wrong-board: built for raspberry-pi-5"),
            ], changes);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, Func<string>? describe = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"timed out waiting: {describe?.Invoke()}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>Progress&lt;T&gt; posts to the thread pool; tests want reports in order and complete on return.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
            report(value);
    }
}
