using System.Globalization;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Outbox;

/// <summary>kill -9 in the middle of adding: every message whose Add returned is in the outbox
/// after it is opened again. (Power loss is not tested here; see the README on synchronous modes.)</summary>
public sealed class OutboxKillTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(OutboxSynchronous.Full, 150)]
    [InlineData(OutboxSynchronous.Normal, 2_000)]
    public async Task Every_acknowledged_message_survives_a_SIGKILL(OutboxSynchronous synchronous, int killAfter)
    {
        var cancel = TestContext.Current.CancellationToken;
        var path = _folder.File("outbox.db");
        var acked = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var child = OutboxWriterProcess.Start(path, synchronous))
        {
            try
            {
                while (acked.Count < killAfter && await child.StandardOutput.ReadLineAsync(cancel) is { } line)
                    Ack(line, acked);
            }
            finally
            {
                child.Kill();
            }
            // Lines the child wrote before it died are acknowledged too; a cut last line is not.
            foreach (var line in (await child.StandardOutput.ReadToEndAsync(cancel)).Split('\n'))
                Ack(line, acked);
            await child.WaitForExitAsync(cancel);
            Assert.Equal(137, child.ExitCode);
        }
        Assert.True(acked.Count >= killAfter, $"the child acknowledged only {acked.Count} messages");

        using var outbox = OutboxItems.Open(path, synchronous: synchronous);
        var stored = outbox.Read(0, int.MaxValue).ToDictionary(OutboxItems.Name, r => r.Sequence, StringComparer.Ordinal);

        Assert.Null(outbox.Recovery);
        var lost = acked.Where(a => !stored.TryGetValue(a.Key, out var sequence) || sequence != a.Value).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} acknowledged message(s) lost, first {lost.FirstOrDefault()}");
        // Nothing else but, at most, the one being added when the kill came (committed, not yet acknowledged).
        Assert.InRange(stored.Count, acked.Count, acked.Count + 1);
        Assert.Equal(stored.Count, outbox.Stats.Added);
    }

    private static void Ack(string line, Dictionary<string, long> acked)
    {
        if (!line.StartsWith("ack ", StringComparison.Ordinal) || !line.EndsWith(';'))
            return;
        var parts = line[4..^1].Split(' ');
        acked[OutboxWriterProcess.Name(int.Parse(parts[0], CultureInfo.InvariantCulture))] = long.Parse(parts[1], CultureInfo.InvariantCulture);
    }
}
